package org.alor.clip;

import java.util.List;

/**
 * One batch of a pipeline run, in input order: the images that succeeded, packed as one
 * {@code [n, 3, S, S]} float array ready for a tensor, their input positions, and the failures.
 *
 * @param batchNumber 0-based number of this batch in the run
 * @param indices     input positions of the images in {@code pixels}, ascending
 * @param pixels      {@code indices.length × 3·S·S} values, image k at offset k·3·S·S
 * @param failures    images of this batch that could not be decoded or preprocessed
 */
public record PreprocessedBatch(int batchNumber, int[] indices, float[] pixels, int valuesPerImage,
                                List<ItemFailure> failures) {
    public PreprocessedBatch {
        if (pixels.length != indices.length * valuesPerImage) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " values, expected "
                    + indices.length + " × " + valuesPerImage);
        }
        failures = List.copyOf(failures);
    }

    /** Number of usable images. */
    public int size() {
        return indices.length;
    }

    /** A copy of image k's CHW values. */
    public float[] image(int k) {
        float[] out = new float[valuesPerImage];
        System.arraycopy(pixels, k * valuesPerImage, out, 0, valuesPerImage);
        return out;
    }
}
