package org.alor.adapt;

import java.util.function.Supplier;

/**
 * Keeps the model of the epoch with the best validation accuracy; ties go to the later epoch (docs/method.md §3), and
 * an epoch without a validation score (no validation data) counts as a tie.
 */
final class BestEpoch<T> {
    private double bestAccuracy = Double.NEGATIVE_INFINITY;
    private int bestEpoch;
    private T best;

    /** Offers epoch {@code epoch}'s accuracy; takes a snapshot from {@code model} only when it becomes the best. */
    void offer(int epoch, double accuracy, Supplier<T> model) {
        if (accuracy < bestAccuracy) return;
        if (!Double.isNaN(accuracy)) bestAccuracy = accuracy;
        bestEpoch = epoch;
        best = model.get();
    }

    int epoch() {
        return bestEpoch;
    }

    /** The best accuracy seen, NaN when no epoch had a score. */
    double accuracy() {
        return Double.isInfinite(bestAccuracy) ? Double.NaN : bestAccuracy;
    }

    T model() {
        return best;
    }
}
