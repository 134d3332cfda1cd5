package org.alor.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Computes f(0..n-1) on a few threads and returns the results in index order. Every job derives
 * its randomness from its index alone, so the output does not depend on scheduling.
 */
final class OrderedParallel implements AutoCloseable {
    private final ExecutorService pool;

    OrderedParallel(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "synth-render");
            t.setDaemon(true);
            return t;
        });
    }

    <T> List<T> map(int from, int to, IntFunction<T> f) {
        List<Future<T>> futures = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            final int index = i;
            futures.add(pool.submit(() -> f.apply(index)));
        }
        List<T> out = new ArrayList<>(futures.size());
        try {
            for (Future<T> fu : futures) out.add(fu.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rendering interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) throw (RuntimeException) c;
            throw new IllegalStateException(c);
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
