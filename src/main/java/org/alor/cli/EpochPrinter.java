package org.alor.cli;

import org.alor.job.Progress;

import java.io.PrintWriter;

/** A round's progress on the console: finished training epochs drive the bar, notices are printed as they come. */
final class EpochPrinter implements Progress {
    private final ConsoleProgress bar;
    private final PrintWriter err;

    EpochPrinter(ConsoleProgress bar, PrintWriter err) {
        this.bar = bar;
        this.err = err;
    }

    @Override
    public void epoch(int epoch, int epochs, double valAccuracy) {
        bar.update(epoch, epochs);
    }

    @Override
    public void notice(String message) {
        err.println(message);
    }
}
