package org.alor.clip;

import java.nio.file.Path;

/**
 * A CLIP checkpoint ready to build a model from.
 *
 * @param config      the model shape
 * @param weights     every tensor in OpenCLIP names, float32, in {@link ClipTensorLayout} order, validated
 * @param contentHash hex SHA-256 of the weight file's bytes (identifies the checkpoint, e.g. for feature caches)
 * @param source      the weight file that was read
 * @param description one human line: architecture, parameter count, format, where the config came from
 */
public record LoadedCheckpoint(ClipConfig config, StateDict weights, String contentHash, Path source,
                               String description) {
    public long parameterCount() {
        long n = 0;
        for (Tensor t : weights.tensors()) n += t.data().length;
        return n;
    }
}
