package org.alor.store;

import org.alor.data.Split;

/**
 * What a round's model predicted for one sample.
 *
 * @param predicted  the argmax class
 * @param confidence its probability
 * @param entropy    −Σ p·ln p over all classes (nats)
 * @param topClasses the k most probable classes, most probable first
 * @param topProbs   their probabilities, same order
 */
public record Prediction(long sampleId, Split split, int predicted, float confidence, float entropy,
                         int[] topClasses, float[] topProbs) {
    public Prediction {
        if (topClasses.length != topProbs.length) {
            throw new IllegalArgumentException("top classes and probabilities differ in length");
        }
    }
}
