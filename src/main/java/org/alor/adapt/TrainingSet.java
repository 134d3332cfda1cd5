package org.alor.adapt;

/**
 * What an adapter trains on: image features with labels (retrieved ∪ labeled, equal weight) and a labeled
 * validation set for choosing the best epoch. Features need not be normalised; adapters normalise them.
 * Methods that train the image tower (FT, CT) also need {@link #images()}; LP, ZS and PT use the cached features.
 *
 * @param seed   seeds every random choice of the training (shuffling, augmentation, prompt templates)
 * @param images sample ids and image files of the rows, or null when only features are available
 */
public record TrainingSet(float[][] features, int[] labels, float[][] valFeatures, int[] valLabels, int numClasses,
                          long seed, TrainingImages images) {
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
        if (images != null && (images.trainIds().size() != labels.length || images.valIds().size() != valLabels.length)) {
            throw new IllegalArgumentException("the image ids (" + images.trainIds().size() + " train, "
                    + images.valIds().size() + " val) do not match the rows (" + labels.length + " train, "
                    + valLabels.length + " val)");
        }
    }

    /** Features only (LP, ZS, PT). */
    public TrainingSet(float[][] features, int[] labels, float[][] valFeatures, int[] valLabels, int numClasses, long seed) {
        this(features, labels, valFeatures, valLabels, numClasses, seed, null);
    }

    public TrainingSet withImages(TrainingImages i) {
        return new TrainingSet(features, labels, valFeatures, valLabels, numClasses, seed, i);
    }

    /** The images, or a clear error for a method that needs them. */
    public TrainingImages requireImages(String method) {
        if (images == null) {
            throw new IllegalStateException(method + " trains the image encoder and needs the training images, but only"
                    + " cached features were given");
        }
        return images;
    }
}
