package org.alor.adapt.train;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The outcome of {@link Trainer#fit}.
 *
 * @param selectedEpoch  the epoch whose model was last passed to the {@link Snapshotter}
 * @param selectedScore  its score, if any
 * @param epochs         one summary per epoch
 * @param iterations     optimiser steps taken
 * @param microBatches   micro-batches per step at the end (larger than configured after an
 *                       out-of-memory fallback)
 * @param skippedSteps   steps skipped because their loss or gradient was not finite
 */
public record TrainingResult(int selectedEpoch, OptionalDouble selectedScore, List<EpochSummary> epochs,
                             long iterations, int microBatches, int skippedSteps) {
    public TrainingResult {
        epochs = List.copyOf(epochs);
    }
}
