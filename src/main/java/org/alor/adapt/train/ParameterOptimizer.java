package org.alor.adapt.train;

import org.alor.clip.NoGradient;
import java.util.List;

/**
 * An optimiser over parameter groups that updates DJL parameter arrays in place from the gradients
 * the PyTorch engine accumulated on them.
 *
 * <p>Call {@link #step(double[])} outside any open {@code GradientCollector}. Implementations turn
 * autograd off for the update themselves ({@link NoGradient}), so any thread may call it.
 */
public interface ParameterOptimizer extends AutoCloseable {

    /** The groups, in the order their learning rates are passed to {@link #step(double[])}. */
    List<ParameterGroup> groups();

    /**
     * Applies one update to every trainable parameter from its current gradient.
     *
     * @param learningRates the absolute learning rate of each group for this step (same order as
     *                      {@link #groups()})
     */
    void step(double[] learningRates);

    /** Sets the accumulated gradients of all trainable parameters to zero. */
    void zeroGradients();

    /** Number of {@link #step(double[])} calls so far. */
    long stepCount();

    /** Frees the optimiser state (moments, momentum buffers). */
    @Override
    void close();
}
