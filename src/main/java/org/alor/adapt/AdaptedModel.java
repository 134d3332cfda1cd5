package org.alor.adapt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The result of one adaptation: a classifier over image features. Close it when done: models that carry a
 * fine-tuned CLIP (FT, CT) hold native memory.
 */
public interface AdaptedModel extends AutoCloseable {
    int numClasses();

    /** Class probabilities (N×C, rows sum to 1) for image features (N×D, as {@link #imageFeatures} produced them). */
    float[][] probabilities(float[][] imageFeatures);

    /**
     * The image features this model classifies, for stored samples. Methods that keep the image encoder frozen
     * (ZS, LP, PT) return the cached pretrained features ({@code cached}); FT and CT re-encode the images with their
     * adapted image tower.
     */
    default float[][] imageFeatures(List<Long> sampleIds, Function<List<Long>, float[][]> cached) {
        return cached.apply(sampleIds);
    }

    /**
     * The embeddings selection strategies should see for these images: L2-normalised features (docs/method.md §4,
     * our choice). Methods that keep the image encoder frozen return the normalised input.
     */
    default float[][] embeddings(float[][] imageFeatures) {
        float[][] out = new float[imageFeatures.length][];
        for (int i = 0; i < out.length; i++) out[i] = Vectors.normalised(imageFeatures[i]);
        return out;
    }

    /** The C×D linear head on normalised features (logits = {@link #logitScale()}·W·f̂), or null if the model has none. */
    default float[][] classifierWeights() {
        return null;
    }

    default float logitScale() {
        return 100f;
    }

    /** A small JSON-friendly description (method, best epoch, validation accuracy per epoch ...). */
    Map<String, Object> summary();

    /**
     * Writes what the adaptation changed as safetensors into {@code dir} (created if needed): the head for LP, the
     * prompt contexts and head for PT, the full tuned tower(s) and head for FT/CT. See {@link SavedModels}.
     */
    default void save(Path dir) throws IOException {
    }

    /** Frees native memory held by the model; the default holds none. */
    @Override
    default void close() {
    }
}
