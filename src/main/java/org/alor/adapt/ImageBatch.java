package org.alor.adapt;

import ai.djl.ndarray.NDArray;

/**
 * One loaded (micro-)batch of training images.
 *
 * @param pixels       [b, 3, S, S] float32, augmented and CLIP-normalised
 * @param labels       [b] int64 class ids
 * @param classIds     the same labels on the heap (e.g. to build prompts)
 * @param exampleSeeds one seed per example, independent of the micro-batch split (e.g. to draw its prompt template)
 */
public record ImageBatch(NDArray pixels, NDArray labels, int[] classIds, long[] exampleSeeds) {
}
