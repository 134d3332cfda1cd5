package org.alor.app;

import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The daemon thread pool that runs every long job of the app, so the JavaFX thread only draws. */
public final class BackgroundJobs {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "alor-job-" + COUNTER.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    public <T> Task<T> submit(Task<T> task) {
        executor.execute(task);
        return task;
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
