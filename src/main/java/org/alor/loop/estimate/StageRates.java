package org.alor.loop.estimate;

/**
 * Rates of one device in one precision.
 *
 * @param imagesPerSecond     embedding: image files decoded, preprocessed and encoded
 * @param textsPerSecond      captions or prompts encoded by the text tower
 * @param ftImagesPerSecond   FT training images per second (forward, backward, AdamW at the recipe batch)
 * @param ctImagesPerSecond   CT training image–prompt pairs per second
 * @param ptSecondsPerStep    one PT step (all class prompts through the text tower and back) at {@code ptClasses}
 * @param ptClasses           the class count PT was measured at (its step cost grows with it)
 */
public record StageRates(double imagesPerSecond, double textsPerSecond, double ftImagesPerSecond,
                         double ctImagesPerSecond, double ptSecondsPerStep, int ptClasses) {
    public StageRates {
        requirePositive("image encoding", imagesPerSecond);
        requirePositive("text encoding", textsPerSecond);
        requirePositive("FT step", ftImagesPerSecond);
        requirePositive("CT step", ctImagesPerSecond);
        requirePositive("PT step", ptSecondsPerStep);
        if (ptClasses < 1) throw new IllegalArgumentException("PT rate needs the class count it was measured at");
    }

    static void requirePositive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " rate must be positive and finite, got " + v);
        }
    }

    /** Seconds of one PT step at {@code classes} classes. */
    public double ptSecondsPerStep(int classes) {
        return ptSecondsPerStep * classes / ptClasses;
    }
}
