package org.alor.app.common;

import javafx.concurrent.Task;

/** A JavaFX task around plain work that reports through {@link JobProgress}, so seams need no JavaFX. */
public final class TaskJob<T> extends Task<T> {
    /** The work; runs on a background thread. */
    @FunctionalInterface
    public interface Work<T> {
        T run(JobProgress progress) throws Exception;
    }

    /** Receives live curve points on the JavaFX thread. */
    @FunctionalInterface
    public interface MetricSink {
        void accept(String series, double x, double y);
    }

    private final Work<T> work;
    private final MetricSink metrics;

    public TaskJob(String title, Work<T> work) {
        this(title, work, null);
    }

    public TaskJob(String title, Work<T> work, MetricSink metrics) {
        this.work = work;
        this.metrics = metrics;
        updateTitle(title);
    }

    @Override
    protected T call() throws Exception {
        return work.run(new JobProgress() {
            @Override
            public void update(String message, double fraction) {
                if (message != null) updateMessage(message);
                if (fraction < 0) updateProgress(-1, 1);
                else updateProgress(Math.min(1.0, fraction), 1.0);
            }

            @Override
            public boolean isCancelled() {
                return TaskJob.this.isCancelled();
            }

            @Override
            public void metric(String series, double x, double y) {
                if (metrics != null) javafx.application.Platform.runLater(() -> metrics.accept(series, x, y));
            }
        });
    }
}
