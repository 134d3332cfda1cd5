package org.alor.adapt.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import org.alor.clip.NoGradient;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

    /**
     * The optimiser's counters for a checkpoint (e.g. "steps"), by name. Together with {@link #stateArrays()} they
     * are what {@link #restoreState} needs to continue exactly.
     */
    default Map<String, long[]> counters() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be checkpointed");
    }

    /**
     * The optimiser's per-parameter arrays (moments, momentum buffers) by key, in a fixed order; parameters not yet
     * stepped have none. Live arrays owned by the optimiser: read them, do not close them.
     */
    default Map<String, NDArray> stateArrays() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be checkpointed");
    }

    /**
     * Replaces the state with a saved one: {@code counters} as {@link #counters()} gave them, {@code arrays} the
     * values of each key of {@link #stateArrays()} (null when the key was not saved).
     *
     * @throws IllegalArgumentException when a saved array or counter does not fit the parameters
     */
    default void restoreState(Map<String, long[]> counters, Function<String, float[]> arrays) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be checkpointed");
    }

    /** Number of {@link #step(double[])} calls so far. */
    long stepCount();

    /** Frees the optimiser state (moments, momentum buffers). */
    @Override
    void close();
}
