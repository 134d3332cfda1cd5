package org.alor.adapt;

import java.util.concurrent.CancellationException;

/** Lets a caller follow and stop a training run. Adapters call {@link #checkCancelled} between batches. */
public interface TrainingMonitor {
    TrainingMonitor NONE = new TrainingMonitor() {
    };

    /** True when the caller wants the training to stop. */
    default boolean isCancelled() {
        return false;
    }

    /** After each epoch: 1-based epoch, total epochs, validation accuracy of that epoch in [0, 1]. */
    default void epochFinished(int epoch, int epochs, double valAccuracy) {
    }

    default void checkCancelled() {
        if (isCancelled()) throw new CancellationException("training cancelled");
    }
}
