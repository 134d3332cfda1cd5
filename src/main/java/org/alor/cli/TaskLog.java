package org.alor.cli;

import org.alor.job.Phase;
import org.alor.job.Progress;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A grid task's progress as plain timestamped lines (a scheduler's log file has no use for a redrawn bar): rounds
 * started and done, finished epochs and notices; training steps are left out.
 */
final class TaskLog implements Progress {
    private final PrintWriter out;

    TaskLog(PrintWriter out) {
        this.out = out;
    }

    private synchronized void line(String text) {
        out.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + text);
        out.flush();
    }

    @Override
    public void phase(Phase phase, long done, long total, String message) {
        if (phase == Phase.ROUND || phase == Phase.DONE) {
            line(message == null || message.isBlank() ? phase.label() : message);
        }
    }

    @Override
    public void epoch(int epoch, int epochs, double valAccuracy) {
        line(String.format(Locale.ROOT, "epoch %d/%d%s", epoch, epochs,
                Double.isNaN(valAccuracy) ? "" : String.format(Locale.ROOT, ", val accuracy %.2f%%", 100 * valAccuracy)));
    }

    @Override
    public void notice(String message) {
        line(message);
    }
}
