package org.alor.loop;

import org.alor.job.Phase;

/** Progress of a long job: its {@link Phase}, counts and a message; plus live training curves. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (phase, done, total, message) -> {
    };

    void progress(Phase phase, long done, long total, String message);

    /** One optimiser step of FT/CT/PT, for live loss curves (called in addition to the "step" progress). */
    default void trainingStep(int epoch, int step, int steps, double loss, double imagesPerSecond) {
    }

    /** An epoch's validation accuracy (fraction; NaN when not evaluated), for live accuracy curves. */
    default void epochScore(int epoch, double valAccuracy) {
    }
}
