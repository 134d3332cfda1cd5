package org.alor.adapt;

import java.util.Map;

/** The result of one adaptation: a classifier over image features. */
public interface AdaptedModel {
    int numClasses();

    /** Class probabilities (N×C, rows sum to 1) for image features (N×D, as the encoder produced them). */
    float[][] probabilities(float[][] imageFeatures);

    /**
     * The embeddings selection strategies should see for these images: L2-normalised features (ALOR.md §4,
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
}
