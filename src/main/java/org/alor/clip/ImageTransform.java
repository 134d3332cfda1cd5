package org.alor.clip;

/** Turns one decoded image into model input (CHW float32, 3·S·S values); must be thread-safe. */
@FunctionalInterface
public interface ImageTransform {
    /**
     * @param image the decoded image
     * @param index the image's position in its list: lets a random transform derive a per-image seed,
     *              so results do not depend on which worker thread ran it
     */
    float[] apply(RgbImage image, int index);
}
