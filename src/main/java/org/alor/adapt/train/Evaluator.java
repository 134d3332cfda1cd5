package org.alor.adapt.train;

import ai.djl.ndarray.NDManager;

import java.util.OptionalDouble;

/**
 * Scores the current model after an epoch, e.g. validation accuracy (higher is better). Runs outside
 * any gradient collector. Return empty when there is nothing to score (then the latest epoch is kept).
 */
@FunctionalInterface
public interface Evaluator {
    /** @param manager a sub-manager closed right after the call */
    OptionalDouble evaluate(NDManager manager, int epoch);
}
