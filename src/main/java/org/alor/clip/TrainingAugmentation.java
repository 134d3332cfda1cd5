package org.alor.clip;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Training-time preprocessing (ALOR §5): RandomResizedCrop to S (bicubic), horizontal flip with
 * probability {@code flipProbability}, then CLIP normalisation to CHW float32.
 */
public record TrainingAugmentation(RandomResizedCrop crop, double flipProbability, ImagePreprocessor normalizer) {
    public TrainingAugmentation {
        if (crop.size() != normalizer.size()) {
            throw new IllegalArgumentException("crop size " + crop.size() + " ≠ normaliser size " + normalizer.size());
        }
        if (!(flipProbability >= 0 && flipProbability <= 1)) {
            throw new IllegalArgumentException("flip probability must be in [0,1], got " + flipProbability);
        }
    }

    /** LP, FT and CT: crop scale 0.9–1.0, ratio 3/4–4/3, flip p = 0.5. */
    public static TrainingAugmentation forAdaptation(ImagePreprocessor normalizer) {
        return new TrainingAugmentation(RandomResizedCrop.withScale(normalizer.size(), 0.9, 1.0), 0.5, normalizer);
    }

    /** PT (CoOp): crop scale 0.08–1.0, ratio 3/4–4/3, flip p = 0.5. */
    public static TrainingAugmentation forPromptTuning(ImagePreprocessor normalizer) {
        return new TrainingAugmentation(RandomResizedCrop.withScale(normalizer.size(), 0.08, 1.0), 0.5, normalizer);
    }

    public float[] apply(RgbImage image, RandomGenerator rng) {
        RgbImage cropped = crop.apply(image, rng);
        if (rng.nextDouble() < flipProbability) cropped = cropped.mirrored();
        return normalizer.normalize(cropped);
    }

    /**
     * A transform for {@link ImagePipeline} whose randomness depends only on (seed, image index),
     * so an epoch is reproducible whatever the number of worker threads.
     */
    public ImageTransform seeded(long seed) {
        return (image, index) -> apply(image, new SplittableRandom(mix(seed, index)));
    }

    private static long mix(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
