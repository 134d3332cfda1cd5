package org.alor.clip;

import org.alor.job.CancellationToken;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decodes and preprocesses a list of image files on N worker threads, delivering batches in input
 * order. At most {@code batchesAhead} batches beyond the one being consumed are in work or ready,
 * so a slow consumer (the encoder) holds the workers back instead of filling memory. A file that
 * cannot be used becomes an {@link ItemFailure} of its batch; the run goes on.
 * A {@link Run} is read by one consumer thread; the cancellation flag is also read by the workers,
 * so it must be thread-safe (e.g. an {@code AtomicBoolean::get}).
 */
public final class ImagePipeline {
    private static final long CANCEL_POLL_MILLIS = 50;

    private final ImageTransform transform;
    private final int valuesPerImage;
    private final int threads;
    private final int batchSize;
    private final int batchesAhead;

    /**
     * @param transform      decoded image → CHW float values (e.g. an {@link ImagePreprocessor})
     * @param valuesPerImage values each transformed image has (3·S·S)
     * @param threads        worker threads (≥ 1)
     * @param batchSize      images per batch (≥ 1)
     * @param batchesAhead   batches prepared ahead of the consumer (≥ 1)
     */
    public ImagePipeline(ImageTransform transform, int valuesPerImage, int threads, int batchSize, int batchesAhead) {
        if (threads < 1 || batchSize < 1 || batchesAhead < 1 || valuesPerImage < 1) {
            throw new IllegalArgumentException("threads, batch size, batches ahead and values per image must be ≥ 1");
        }
        this.transform = transform;
        this.valuesPerImage = valuesPerImage;
        this.threads = threads;
        this.batchSize = batchSize;
        this.batchesAhead = batchesAhead;
    }

    /** Evaluation preprocessing with two batches prepared ahead. */
    public static ImagePipeline forEvaluation(ImagePreprocessor preprocessor, int threads, int batchSize) {
        return new ImagePipeline(preprocessor, preprocessor.valuesPerImage(), threads, batchSize, 2);
    }

    /** Starts a run; close it (or read it to the end) to stop its threads. */
    public Run start(List<Path> paths, CancellationToken isCancelled) {
        return new Run(List.copyOf(paths), isCancelled);
    }

    private record ItemResult(float[] pixels, ItemFailure failure) {
    }

    /** An ordered stream of batches; {@link #hasNext()} turns false once the run is cancelled. */
    public final class Run implements Iterator<PreprocessedBatch>, AutoCloseable {
        private final List<Path> paths;
        private final CancellationToken isCancelled;
        private final ExecutorService executor;
        private final ArrayDeque<List<Future<ItemResult>>> window = new ArrayDeque<>();
        private int nextStart;
        private int nextBatchNumber;
        private boolean cancelled;
        private boolean closed;

        private Run(List<Path> paths, CancellationToken isCancelled) {
            this.paths = paths;
            this.isCancelled = isCancelled;
            this.executor = Executors.newFixedThreadPool(threads, daemonThreads());
            fill();
        }

        @Override
        public boolean hasNext() {
            if (closed) return false;
            if (checkCancelled()) return false;
            fill();
            if (window.isEmpty()) {
                close();
                return false;
            }
            return true;
        }

        /**
         * The next batch in input order.
         *
         * @throws CancellationException if the run was cancelled while waiting
         */
        @Override
        public PreprocessedBatch next() {
            if (!hasNext()) {
                if (cancelled) throw new CancellationException("image pipeline cancelled");
                throw new NoSuchElementException();
            }
            List<Future<ItemResult>> pending = window.poll();
            int first = nextBatchNumber * batchSize;
            int number = nextBatchNumber++;
            fill(); // keep the workers busy while the consumer works on this batch
            List<ItemFailure> failures = new ArrayList<>();
            float[][] images = new float[pending.size()][];
            int[] positions = new int[pending.size()];
            int n = 0;
            for (int k = 0; k < pending.size(); k++) {
                ItemResult r = await(pending.get(k), first + k);
                if (r.failure() != null) {
                    failures.add(r.failure());
                } else {
                    images[n] = r.pixels();
                    positions[n++] = first + k;
                }
            }
            float[] packed = new float[n * valuesPerImage];
            for (int k = 0; k < n; k++) System.arraycopy(images[k], 0, packed, k * valuesPerImage, valuesPerImage);
            return new PreprocessedBatch(number, Arrays.copyOf(positions, n), packed, valuesPerImage, failures);
        }

        /** True once the cancellation flag stopped this run. */
        public boolean cancelled() {
            return cancelled;
        }

        /** Total number of batches of this run. */
        public int batchCount() {
            return (paths.size() + batchSize - 1) / batchSize;
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            for (List<Future<ItemResult>> batch : window) for (Future<ItemResult> f : batch) f.cancel(true);
            window.clear();
            executor.shutdownNow();
        }

        private boolean checkCancelled() {
            if (!cancelled && isCancelled.isCancelled()) {
                cancelled = true;
                close();
            }
            return cancelled;
        }

        private void fill() {
            while (!closed && window.size() < batchesAhead && nextStart < paths.size()) {
                int end = Math.min(nextStart + batchSize, paths.size());
                List<Future<ItemResult>> batch = new ArrayList<>(end - nextStart);
                for (int i = nextStart; i < end; i++) {
                    int index = i;
                    batch.add(executor.submit(() -> process(index)));
                }
                window.add(batch);
                nextStart = end;
            }
        }

        private ItemResult await(Future<ItemResult> future, int index) {
            while (true) {
                if (checkCancelled()) throw new CancellationException("image pipeline cancelled");
                try {
                    return future.get(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // poll the cancellation flag again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    close();
                    throw new CancellationException("interrupted while waiting for images");
                } catch (ExecutionException e) {
                    return failure(index, String.valueOf(e.getCause()));
                } catch (CancellationException e) {
                    return failure(index, "cancelled");
                }
            }
        }

        private ItemResult process(int index) {
            Path path = paths.get(index);
            if (isCancelled.isCancelled()) return failure(index, "cancelled");
            try {
                float[] pixels = transform.apply(ImageDecoder.decode(path), index);
                if (pixels.length != valuesPerImage) {
                    return failure(index, "preprocessing produced " + pixels.length + " values, expected " + valuesPerImage);
                }
                return new ItemResult(pixels, null);
            } catch (ImageDecodeException e) {
                return failure(index, e.reason());
            } catch (RuntimeException | OutOfMemoryError e) {
                // one oversized or odd image must not end the run; its memory is released with it
                return failure(index, "cannot preprocess image (" + e + ")");
            }
        }

        private ItemResult failure(int index, String reason) {
            return new ItemResult(null, new ItemFailure(index, paths.get(index), reason));
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "alor-image-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
