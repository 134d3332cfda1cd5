package org.alor.adapt.train;

import java.util.OptionalDouble;

/**
 * One finished epoch.
 *
 * @param epoch      0-based epoch
 * @param meanLoss   mean of the batch losses of the epoch
 * @param score      the evaluator's score, if it ran and returned one
 * @param seconds    wall time of the epoch including evaluation
 * @param selected   whether this epoch's model became the kept one
 */
public record EpochSummary(int epoch, double meanLoss, OptionalDouble score, double seconds, boolean selected) {
}
