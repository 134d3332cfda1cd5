package org.alor.loop;

import org.alor.store.MetricRow;

import java.util.List;
import java.util.Map;

/**
 * The results of one finished simulated run.
 *
 * @param rounds        per round, as stored
 * @param perClassTest  per round, the per-class test metric rows
 */
public record RunOutcome(ExperimentSpec.Run run, List<RoundResult> rounds, Map<Integer, List<MetricRow>> perClassTest) {
}
