package org.alor.adapt.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import org.alor.clip.NoGradient;

import java.util.List;
import java.util.Optional;

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

    /**
     * The name of the first trainable parameter whose accumulated gradient holds a NaN or an infinity, if any. The
     * trainer asks before every step so that one bad batch cannot write non-finite values into the weights.
     */
    default Optional<String> firstNonFiniteGradient() {
        try (NoGradient ignored = NoGradient.enter()) {
            for (ParameterGroup group : groups()) {
                for (Parameter p : group.parameters()) {
                    if (!p.requiresGradient() || !p.isInitialized() || !p.getArray().hasGradient()) continue;
                    // a sum is NaN or infinite when any element is (finite gradients do not reach 3e38)
                    try (NDArray grad = p.getArray().getGradient(); NDArray sum = grad.sum()) {
                        if (!Float.isFinite(sum.getFloat())) return Optional.of(p.getName());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Number of {@link #step(double[])} calls so far. */
    long stepCount();

    /** Frees the optimiser state (moments, momentum buffers). */
    @Override
    void close();
}
