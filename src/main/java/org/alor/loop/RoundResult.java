package org.alor.loop;

import org.alor.store.MetricRow;
import org.alor.store.RoundStatus;
import org.alor.store.Selection;

import java.util.List;

/**
 * What a round produced, read back from the store.
 *
 * @param val             overall validation metrics (null when the project has no labeled val samples)
 * @param test            overall test metrics (null when none)
 * @param labeled         labeled pool images the round trained on
 * @param retrieved       retrieved images the round trained on
 * @param selections      the round's picks in order (empty for a final, train-only round)
 * @param trainingSeconds wall time of training + prediction of the round
 */
public record RoundResult(int round, RoundStatus status, String method, String strategy, long seed, MetricRow val,
                          MetricRow test, int labeled, int retrieved, List<Selection> selections,
                          double trainingSeconds) {
}
