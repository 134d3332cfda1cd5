package org.alor.adapt;

import ai.djl.Device;
import org.alor.clip.ClipConfig;
import org.alor.clip.ClipModel;
import org.alor.clip.ClipModelFactory;
import org.alor.clip.LoadedCheckpoint;
import org.alor.clip.StateDict;

import java.util.Objects;

/**
 * The pretrained CLIP that FT, CT and PT start every round from (docs/method.md §3: no warm start), its tokenizer and the
 * compute device. {@link #newModel()} builds a fresh copy of the pretrained weights each time.
 *
 * @param decodeThreads threads that decode and augment training images
 */
public record ClipBase(ClipConfig config, StateDict weights, TextTokenizer tokenizer, Device device, int decodeThreads) {
    public ClipBase {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(device, "device");
        if (decodeThreads < 1) throw new IllegalArgumentException("decode threads must be at least 1");
    }

    public static ClipBase of(LoadedCheckpoint checkpoint, TextTokenizer tokenizer, Device device) {
        return new ClipBase(checkpoint.config(), checkpoint.weights(), tokenizer, device,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** A fresh model with the pretrained weights on {@link #device()}; the caller closes it. */
    public ClipModel newModel() {
        return ClipModelFactory.fromStateDict(config, weights, device);
    }
}
