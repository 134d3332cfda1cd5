package org.alor.adapt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The text-initialised classifier head of docs/method.md §5: W[c] = normalise(mean over templates of
 * normalise(encode_text(prompt))); logits = scale · W · normalise(f(x)).
 */
public final class TextHead {
    private final float[][] weights;

    public TextHead(float[][] weights) {
        this.weights = weights;
    }

    /**
     * Builds the head from class names and prompt templates.
     *
     * @param classNames  one name per class (the class {@code name} or its {@code most_common_name})
     * @param templates   the prompt set
     * @param encodeTexts encodes a batch of prompts into (unnormalised) text embeddings
     */
    public static TextHead fromClassNames(List<String> classNames, PromptTemplates templates,
                                          Function<List<String>, float[][]> encodeTexts) {
        List<String> prompts = new ArrayList<>();
        for (String name : classNames) prompts.addAll(templates.prompts(name));
        float[][] embeddings = encodeTexts.apply(prompts);
        int perClass = templates.templates().size();
        float[][] weights = new float[classNames.size()][];
        for (int c = 0; c < classNames.size(); c++) {
            float[] mean = new float[embeddings[0].length];
            for (int t = 0; t < perClass; t++) {
                float[] e = Vectors.normalised(embeddings[c * perClass + t]);
                for (int d = 0; d < mean.length; d++) mean[d] += e[d] / perClass;
            }
            weights[c] = Vectors.normalised(mean);
        }
        return new TextHead(weights);
    }

    public float[][] weights() {
        return weights;
    }

    public int numClasses() {
        return weights.length;
    }

    /** logits[i][c] = scale · W[c] · normalise(features[i]). */
    public float[][] logits(float[][] features, float scale) {
        float[][] out = new float[features.length][weights.length];
        for (int i = 0; i < features.length; i++) {
            float[] f = Vectors.normalised(features[i]);
            for (int c = 0; c < weights.length; c++) out[i][c] = scale * Vectors.dot(weights[c], f);
        }
        return out;
    }

    /** Row-wise softmax of {@link #logits}. */
    public float[][] probabilities(float[][] features, float scale) {
        float[][] logits = logits(features, scale);
        for (float[] row : logits) Vectors.softmaxInPlace(row);
        return logits;
    }
}
