package org.alor.cli;

import org.alor.job.Phase;
import org.alor.job.Progress;

import java.io.PrintWriter;

/** A one-line progress bar on the command's error writer, redrawn at most every 200 ms, for long CLI jobs. */
final class ConsoleProgress {
    private final String label;
    private final PrintWriter out;
    private final long started = System.nanoTime();
    private long lastDraw;

    ConsoleProgress(String label, PrintWriter out) {
        this.label = label;
        this.out = out;
    }

    synchronized void update(long done, long total) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 200_000_000L) return;
        lastDraw = now;
        double seconds = (now - started) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 && total > done ? String.format(" ETA %ds", Math.round((total - done) / rate)) : "";
        int width = 30;
        int filled = total <= 0 ? 0 : (int) (width * Math.min(1.0, (double) done / total));
        out.printf("\r%s [%s%s] %d/%d %.1f/s%s   ", label, "#".repeat(filled), ".".repeat(width - filled), done, total, rate, eta);
        if (done >= total) out.println();
        out.flush();
    }

    /** This bar as a job's {@link Progress}: it follows the counts of {@code counted}, ignoring other phases. */
    Progress following(Phase counted) {
        return new Progress() {
            @Override
            public void phase(Phase phase, long done, long total, String message) {
                if (phase == counted) update(done, total);
            }
        };
    }
}
