package org.alor.adapt;

import ai.djl.Device;
import org.alor.clip.ClipConfig;
import org.alor.clip.ClipModel;
import org.alor.clip.ComputeType;
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
public record ClipBase(ClipConfig config, StateDict weights, TextTokenizer tokenizer, Device device, int decodeThreads,
                       ComputeType computeType) {
    public ClipBase {
        Objects.requireNonNull(computeType, "compute type");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(device, "device");
        if (decodeThreads < 1) throw new IllegalArgumentException("decode threads must be at least 1");
    }

    /** fp32 compute. */
    public ClipBase(ClipConfig config, StateDict weights, TextTokenizer tokenizer, Device device, int decodeThreads) {
        this(config, weights, tokenizer, device, decodeThreads, ComputeType.FP32);
    }

    /** The same checkpoint whose models compute in {@code type} (see {@link ClipModel#setComputeType}). */
    public ClipBase withComputeType(ComputeType type) {
        return type == computeType ? this : new ClipBase(config, weights, tokenizer, device, decodeThreads, type);
    }

    public static ClipBase of(LoadedCheckpoint checkpoint, TextTokenizer tokenizer, Device device) {
        return new ClipBase(checkpoint.config(), checkpoint.weights(), tokenizer, device,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** A fresh model with the pretrained weights on {@link #device()}; the caller closes it. */
    public ClipModel newModel() {
        ClipModel model = ClipModelFactory.fromStateDict(config, weights, device);
        model.setComputeType(computeType);
        return model;
    }
}
