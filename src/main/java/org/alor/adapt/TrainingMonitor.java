package org.alor.adapt;

import org.alor.job.CancellationToken;
import java.util.concurrent.CancellationException;

/** Lets a caller follow and stop a training run. Adapters call {@link #checkCancelled} between batches; the trainer checks {@link #token()} before every step. */
public interface TrainingMonitor {
    TrainingMonitor NONE = new TrainingMonitor() {
    };

    /** Nobody cancels it: {@link #NONE}'s token. */
    CancellationToken NEVER = new CancellationToken();

    /** The caller's cancellation, handed to the trainer as is (never cancelled by default). */
    default CancellationToken token() {
        return NEVER;
    }

    /** After each epoch: 1-based epoch, total epochs, validation accuracy of that epoch in [0, 1]. */
    default void epochFinished(int epoch, int epochs, double valAccuracy) {
    }

    /**
     * After each optimiser step of a DJL-trained method (FT, CT, PT): 1-based epoch and step, the batch's mean
     * loss, the epoch's training throughput and the estimated seconds left.
     */
    default void stepFinished(int epoch, int epochs, int step, int steps, double loss, double imagesPerSecond,
                              double etaSeconds) {
    }

    /** Human-readable notices, e.g. "batch 128 does not fit, accumulating 2×64" or the device in use. */
    default void notice(String message) {
    }

    default void checkCancelled() {
        if (token().isCancelled()) throw new CancellationException("training cancelled");
    }
}
