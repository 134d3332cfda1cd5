package org.alor.select;

import java.util.stream.IntStream;

/** Chunked parallel loops on the common pool (the machine may have as few as two cores). */
final class Parallel {
    private static final int MIN_CHUNK = 256;

    private Parallel() {
    }

    interface RangeBody {
        void run(int from, int to);
    }

    /** Runs body over [0, n) in contiguous chunks, in parallel when n is large enough. */
    static void forRange(int n, RangeBody body) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        int chunks = Math.min(threads * 4, Math.max(1, n / MIN_CHUNK));
        if (chunks <= 1) {
            body.run(0, n);
            return;
        }
        int size = (n + chunks - 1) / chunks;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = c * size;
            int to = Math.min(n, from + size);
            if (from < to) {
                body.run(from, to);
            }
        });
    }
}
