package org.alor.app.common;

import javafx.concurrent.Task;
import org.alor.job.CancellationToken;
import org.alor.job.Progress;

/**
 * A JavaFX task around plain work that reports through {@link Progress}, so seams need no JavaFX: events become the
 * task's message and fraction (and live curve points), and the task's Cancel cancels the work's token at once.
 */
public final class TaskJob<T> extends Task<T> {
    /** Work that only reports; runs on a background thread. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** Work that reports and stops when {@code token} is cancelled; runs on a background thread. */
    @FunctionalInterface
    public interface StoppableWork<T> {
        T run(Progress progress, CancellationToken token) throws Exception;
    }

    /** Receives live curve points on the JavaFX thread. */
    @FunctionalInterface
    public interface MetricSink {
        void accept(String series, double x, double y);
    }

    private final StoppableWork<T> work;
    private final MetricSink metrics;
    private final CancellationToken token = new CancellationToken();

    public TaskJob(String title, Work<T> work) {
        this(title, (progress, token) -> work.run(progress), null);
    }

    public TaskJob(String title, StoppableWork<T> work) {
        this(title, work, null);
    }

    public TaskJob(String title, StoppableWork<T> work, MetricSink metrics) {
        this.work = work;
        this.metrics = metrics;
        updateTitle(title);
    }

    /** Marks the task cancelled first, so work that stops on the token right away does not end as a failure. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        token.cancel();
        return cancelled;
    }

    @Override
    protected T call() throws Exception {
        return work.run(new LiveProgress(new LiveProgress.Status() {
            @Override
            public void update(String message, double fraction) {
                if (message != null) updateMessage(message);
                if (fraction < 0) updateProgress(-1, 1);
                else updateProgress(Math.min(1.0, fraction), 1.0);
            }

            @Override
            public void metric(String series, double x, double y) {
                if (metrics != null) javafx.application.Platform.runLater(() -> metrics.accept(series, x, y));
            }
        }), token);
    }
}
