package org.alor.app.common;

import org.alor.job.Phase;
import org.alor.job.Progress;

import java.util.Locale;

/** A job's progress → a status line (message and fraction) and the Runs page's live loss and accuracy curves. */
public final class LiveProgress implements Progress {
    /** Where the status goes: {@link TaskJob} forwards it to its JavaFX task. */
    public interface Status {
        /** @param fraction in [0,1], or negative when unknown */
        void update(String message, double fraction);

        /** A point of a live curve: ("train loss", fractional epoch, loss) or ("val accuracy", epoch, accuracy). */
        void metric(String series, double x, double y);
    }

    private final Status status;

    public LiveProgress(Status status) {
        this.status = status;
    }

    @Override
    public void phase(Phase phase, long done, long total, String message) {
        double fraction = total > 0 ? (double) done / total : -1;
        status.update(phase.label() + (message == null || message.isBlank() ? "" : ": " + message), fraction);
    }

    @Override
    public void step(int epoch, int epochs, int step, int steps, double loss, double imagesPerSecond,
                     double etaSeconds) {
        double epochsDone = (epoch - 1) + (double) step / Math.max(1, steps);
        status.metric("train loss", epochsDone, loss);
        String eta = EtaText.of(etaSeconds);
        status.update(String.format(Locale.ROOT, "training: epoch %d/%d step %d/%d: loss %.4f, %.1f images/s",
                epoch, epochs, step, steps, loss, imagesPerSecond) + (eta.isEmpty() ? "" : ", " + eta),
                epochsDone / Math.max(1, epochs));
    }

    @Override
    public void epoch(int epoch, int epochs, double valAccuracy) {
        if (!Double.isNaN(valAccuracy)) status.metric("val accuracy", epoch, valAccuracy);
        status.update(Double.isNaN(valAccuracy) ? String.format("training: epoch %d/%d", epoch, epochs)
                        : String.format("training: epoch %d/%d: val accuracy %.2f%%", epoch, epochs, 100 * valAccuracy),
                (double) epoch / Math.max(1, epochs));
    }

    @Override
    public void notice(String message) {
        status.update(message, -1);
    }
}
