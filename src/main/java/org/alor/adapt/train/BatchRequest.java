package org.alor.adapt.train;

/**
 * What a {@link BatchSource} is asked to load: one batch, or one micro-batch of it when gradients
 * are accumulated.
 *
 * @param epoch         0-based epoch
 * @param step          0-based step (optimiser iteration) within the epoch
 * @param microBatch    0-based micro-batch within the step (0 when the batch is not split)
 * @param indices       example indices into the source, in shuffled order
 * @param offsetInBatch position of {@code indices[0]} within the whole batch
 * @param seed          a seed derived from the run seed, epoch and step (the same for all micro-batches
 *                      of a step); combine it with {@code offsetInBatch + i} for per-example randomness
 *                      (augmentation, prompt template choice) that does not depend on the split
 */
public record BatchRequest(int epoch, int step, int microBatch, int[] indices, int offsetInBatch, long seed) {

    /** Number of examples in this request. */
    public int size() {
        return indices.length;
    }

    /** A seed for example {@code i} of this request, independent of how the batch was split. */
    public long exampleSeed(int i) {
        return BatchPlan.mix(seed, offsetInBatch + i);
    }
}
