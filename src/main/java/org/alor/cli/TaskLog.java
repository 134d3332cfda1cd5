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
    private static final long EPOCH_LINE_EVERY_MS = 10_000;
    private final PrintWriter out;
    private long lastEpochLine;

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

    /** The first and last epoch and one line per 10 s between (LP runs hundreds of short epochs). */
    @Override
    public void epoch(int epoch, int epochs, double valAccuracy) {
        long now = System.currentTimeMillis();
        if (epoch != 1 && epoch != epochs && now - lastEpochLine < EPOCH_LINE_EVERY_MS) return;
        lastEpochLine = now;
        line(String.format(Locale.ROOT, "epoch %d/%d%s", epoch, epochs,
                Double.isNaN(valAccuracy) ? "" : String.format(Locale.ROOT, ", val accuracy %.2f%%", 100 * valAccuracy)));
    }

    @Override
    public void notice(String message) {
        line(message);
    }
}
