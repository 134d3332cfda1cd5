package org.alor.store;

import java.time.Instant;

/**
 * One round of the project.
 *
 * @param index       0-based round index (primary key)
 * @param method      adaptation method, e.g. "CT", "LP", "FT", "PT", "ZS"
 * @param strategy    selection strategy, e.g. "TFS", "Random"
 * @param budget      images to select this round
 * @param startedAt   set when the round first leaves PLANNED (may be null)
 * @param finishedAt  set when the round reaches a terminal status (may be null)
 * @param summaryJson free JSON summary (may be null)
 */
public record RoundRecord(int index, String method, String strategy, long seed, int budget, RoundStatus status,
                          Instant startedAt, Instant finishedAt, String summaryJson) {

    /** A new round in status PLANNED. */
    public static RoundRecord planned(int index, String method, String strategy, long seed, int budget) {
        return new RoundRecord(index, method, strategy, seed, budget, RoundStatus.PLANNED, null, null, null);
    }
}
