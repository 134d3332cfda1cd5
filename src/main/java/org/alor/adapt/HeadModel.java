package org.alor.adapt;

import java.util.Map;

/**
 * A linear head on normalised image features: probabilities = softmax(scale · W · normalise(f)). LP and ZS
 * results are exactly this; FT/CT/PT results extend it with what else they trained.
 */
class HeadModel implements AdaptedModel {
    final TextHead head;
    final float scale;
    final Map<String, Object> summary;

    HeadModel(TextHead head, float scale, Map<String, Object> summary) {
        this.head = head;
        this.scale = scale;
        this.summary = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(summary));
    }

    @Override
    public int numClasses() {
        return head.numClasses();
    }

    @Override
    public float[][] probabilities(float[][] imageFeatures) {
        return head.probabilities(imageFeatures, scale);
    }

    @Override
    public Map<String, Object> summary() {
        return summary;
    }

    @Override
    public float[][] classifierWeights() {
        return head.weights();
    }

    @Override
    public float logitScale() {
        return scale;
    }

    /** The head and its scale ({@link SavedModels#HEAD_FILE}); the image encoder did not change. */
    @Override
    public void save(java.nio.file.Path dir) throws java.io.IOException {
        SavedModels.writeHead(dir, String.valueOf(summary.getOrDefault("method", "head")), head, scale);
    }
}
