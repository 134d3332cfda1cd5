package org.alor.job;

/**
 * The one progress contract of every long job (round, training, embedding, experiment). The job calls it on its own
 * thread, so implementations keep the callbacks cheap; all events are optional. Stopping a job is not part of it:
 * that is the {@link CancellationToken} handed in beside it.
 */
public interface Progress {
    Progress NONE = new Progress() {
    };

    /** The job entered or advanced in {@code phase}: done of total (total ≤ 0 when there is no count). */
    default void phase(Phase phase, long done, long total, String message) {
    }

    /**
     * One optimiser step of a trained method: 1-based epoch and step, the batch's mean loss, the epoch's training
     * throughput and the estimated seconds left.
     */
    default void step(int epoch, int epochs, int step, int steps, double loss, double imagesPerSecond,
                      double etaSeconds) {
    }

    /** A finished epoch: 1-based epoch, total epochs, validation accuracy in [0, 1] (NaN when not evaluated). */
    default void epoch(int epoch, int epochs, double valAccuracy) {
    }

    /** Something a person should see, e.g. the device in use or "batch 128 does not fit, accumulating 2×64". */
    default void notice(String message) {
    }
}
