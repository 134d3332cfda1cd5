package org.alor.adapt;

/**
 * What an adapter trains on: image features with labels (retrieved ∪ labeled, equal weight) and a labeled
 * validation set for choosing the best epoch. Features need not be normalised; adapters normalise them.
 *
 * @param seed seeds every random choice of the training (shuffling), so a run is reproducible
 */
public record TrainingSet(float[][] features, int[] labels, float[][] valFeatures, int[] valLabels, int numClasses,
                          long seed) {
    public TrainingSet {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " training features but " + labels.length + " labels");
        }
        if (valFeatures.length != valLabels.length) {
            throw new IllegalArgumentException(valFeatures.length + " validation features but " + valLabels.length + " labels");
        }
        for (int y : labels) {
            if (y < 0 || y >= numClasses) throw new IllegalArgumentException("training label " + y + " is not a class id");
        }
    }
}
