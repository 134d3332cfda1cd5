package org.alor.adapt.train;

import org.alor.clip.NoGradient;
import ai.djl.ndarray.NDManager;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Loads a fixed list of batch requests in order, either on the caller's thread (depth 0) or on one
 * background thread that keeps up to {@code depth} loaded batches in a bounded queue. Each loaded
 * batch owns a fresh sub-manager of {@code parent}; the consumer closes it. {@link #close()} stops
 * the thread and frees whatever was loaded but not consumed.
 */
final class Prefetcher<B> implements AutoCloseable {

    /** One loaded batch and the manager that owns its arrays. */
    record Loaded<B>(NDManager manager, B batch, BatchRequest request) {
    }

    private record Item<B>(Loaded<B> loaded, Throwable failure) {
    }

    private final BatchSource<B> source;
    private final List<BatchRequest> requests;
    private final NDManager parent;
    private final BlockingQueue<Item<B>> queue;
    private final Thread thread;
    private volatile boolean stopped;
    private int consumed;

    Prefetcher(BatchSource<B> source, List<BatchRequest> requests, NDManager parent, int depth) {
        this.source = source;
        this.requests = List.copyOf(requests);
        this.parent = parent;
        if (depth > 0 && !this.requests.isEmpty()) {
            queue = new ArrayBlockingQueue<>(depth);
            thread = new Thread(this::produce, "alor-batch-prefetch");
            thread.setDaemon(true);
            thread.start();
        } else {
            queue = null;
            thread = null;
        }
    }

    /** The next loaded batch; rethrows the loader's failure on the consumer thread. */
    Loaded<B> next() {
        if (consumed >= requests.size()) throw new IllegalStateException("no more batches planned");
        if (thread == null) return load(requests.get(consumed++));
        Item<B> item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while waiting for a batch");
        }
        consumed++;
        if (item.failure() != null) {
            if (item.failure() instanceof RuntimeException r) throw r;
            if (item.failure() instanceof Error e) throw e;
            throw new IllegalStateException(item.failure());
        }
        return item.loaded();
    }

    private Loaded<B> load(BatchRequest request) {
        NDManager manager = parent.newSubManager();
        try {
            return new Loaded<>(manager, source.load(manager, request), request);
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }

    private void produce() {
        NoGradient.enter(); // this thread only loads data; never record graphs here (thread-local, never restored)
        for (BatchRequest request : requests) {
            if (stopped) return;
            Item<B> item;
            try {
                item = new Item<>(load(request), null);
            } catch (Throwable t) {
                offerUntilStopped(new Item<>(null, t));
                return;
            }
            if (!offerUntilStopped(item)) {
                item.loaded().manager().close();
                return;
            }
        }
    }

    /** Waits for room in the queue without interrupts (loaders may do interruptible I/O). */
    private boolean offerUntilStopped(Item<B> item) {
        try {
            while (!stopped) {
                if (queue.offer(item, 20, TimeUnit.MILLISECONDS)) return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public void close() {
        if (thread == null) return;
        stopped = true;
        drain();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        drain();
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void drain() {
        Item<B> item;
        while ((item = queue.poll()) != null) {
            if (item.loaded() != null) item.loaded().manager().close();
        }
    }
}
