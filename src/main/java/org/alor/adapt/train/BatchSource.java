package org.alor.adapt.train;

import ai.djl.ndarray.NDManager;

/**
 * The training examples, addressed by index 0..size()−1. The trainer shuffles the indices each epoch
 * with its seeded RNG and asks for batches of them.
 *
 * <p>{@link #load} may run on the trainer's background prefetch thread, one call at a time and in
 * the trainer's order. It must create every array in {@code manager}, which the trainer closes right
 * after the batch was used. A source that only needs indices can return {@code request.indices()}.
 *
 * @param <B> the batch type handed to the {@link TrainStep}, e.g. {@code NDList}
 */
public interface BatchSource<B> {

    /** Number of examples. */
    int size();

    /** Loads (decodes, augments, stacks) the examples of {@code request}. */
    B load(NDManager manager, BatchRequest request);
}
