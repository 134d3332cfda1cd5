package org.alor.app.common;

import javafx.concurrent.Task;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon threads that run every long job of the app, so the JavaFX thread only draws, plus one
 * serial writer so label events reach the store in the order they were made.
 */
public final class BackgroundJobs {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> daemon(r, "alor-job-" + COUNTER.incrementAndGet()));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> daemon(r, "alor-store-writer"));

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public <T> Task<T> submit(Task<T> task) {
        executor.execute(task);
        return task;
    }

    /** Runs small store writes one after another, in submission order. */
    public Executor storeWriter() {
        return writer;
    }

    public void shutdown() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }
}
