package org.alor.adapt.train;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Where a training run stands after a finished epoch. With the weights, the optimiser state and the kept snapshot it
 * is all {@link Trainer} needs to continue with the next epoch exactly as if it had not stopped: batches and
 * augmentation are seeded per (seed, epoch, step), the schedule by {@code iteration}.
 *
 * @param epochsDone        epochs finished (the next one to train is this 0-based index)
 * @param iteration         optimiser steps taken so far (skipped ones included: the schedule advanced)
 * @param microBatches      micro-batches per step (raised after an out-of-memory fallback)
 * @param skippedSteps      steps skipped for a non-finite loss or gradient
 * @param consecutiveSkips  such skips in a row at the end of the last epoch
 * @param selectedEpoch     the epoch last passed to the {@link Snapshotter}, −1 if none
 * @param selectedScore     its score, if any
 * @param epochs            one summary per finished epoch
 */
public record TrainerState(int epochsDone, long iteration, int microBatches, int skippedSteps, int consecutiveSkips,
                           int selectedEpoch, OptionalDouble selectedScore, List<EpochSummary> epochs) {
    public TrainerState {
        epochs = List.copyOf(epochs);
        if (epochsDone < 0 || epochs.size() != epochsDone) {
            throw new IllegalArgumentException(epochsDone + " epochs done but " + epochs.size() + " epoch summaries");
        }
        if (selectedEpoch >= epochsDone) {
            throw new IllegalArgumentException("selected epoch " + selectedEpoch + " is not among the " + epochsDone + " done");
        }
        if (iteration < 0 || microBatches < 1 || skippedSteps < 0 || consecutiveSkips < 0) {
            throw new IllegalArgumentException("negative counters in a trainer state");
        }
    }
}
