package org.alor.adapt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.alor.adapt.train.BatchRequest;
import org.alor.adapt.train.BatchSource;
import org.alor.clip.ImageDecodeException;
import org.alor.clip.ImageDecoder;
import org.alor.clip.TrainingAugmentation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Training images (retrieved ∪ labeled, shuffled together by the trainer) decoded and augmented on parallel
 * threads. Each example's augmentation depends only on its {@link BatchRequest#exampleSeed}, so an epoch is the same
 * whatever the thread count or micro-batch split. The trainer's prefetch thread calls {@link #load} one batch ahead,
 * so decoding overlaps the previous step. Close to stop the threads.
 */
public final class ImageBatchSource implements BatchSource<ImageBatch>, AutoCloseable {
    private final List<Long> sampleIds;
    private final int[] labels;
    private final ImageSource images;
    private final TrainingAugmentation augmentation;
    private final ExecutorService workers;

    public ImageBatchSource(List<Long> sampleIds, int[] labels, ImageSource images, TrainingAugmentation augmentation,
                            int threads) {
        if (sampleIds.size() != labels.length) {
            throw new IllegalArgumentException(sampleIds.size() + " images but " + labels.length + " labels");
        }
        this.sampleIds = List.copyOf(sampleIds);
        this.labels = labels.clone();
        this.images = images;
        this.augmentation = augmentation;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "alor-train-images-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public int size() {
        return sampleIds.size();
    }

    @Override
    public ImageBatch load(NDManager manager, BatchRequest request) {
        int[] idx = request.indices();
        int s = augmentation.normalizer().size();
        int per = 3 * s * s;
        float[] pixels = new float[idx.length * per];
        long[] seeds = new long[idx.length];
        List<Future<?>> pending = new ArrayList<>(idx.length);
        for (int i = 0; i < idx.length; i++) {
            int k = i;
            seeds[i] = request.exampleSeed(i);
            pending.add(workers.submit(() -> {
                float[] one = augment(idx[k], seeds[k]);
                System.arraycopy(one, 0, pixels, k * per, per);
                return null;
            }));
        }
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted while loading training images");
            } catch (ExecutionException e) {
                for (Future<?> other : pending) other.cancel(true);
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) throw re;
                throw new IllegalStateException(cause.getMessage(), cause);
            }
        }
        int[] classIds = new int[idx.length];
        long[] y = new long[idx.length];
        for (int i = 0; i < idx.length; i++) {
            classIds[i] = labels[idx[i]];
            y[i] = classIds[i];
        }
        NDArray x = manager.create(pixels, new Shape(idx.length, 3, s, s));
        return new ImageBatch(x, manager.create(y), classIds, seeds);
    }

    private float[] augment(int index, long seed) {
        long id = sampleIds.get(index);
        Path path = images.path(id);
        try {
            return augmentation.apply(ImageDecoder.decode(path), new SplittableRandom(seed));
        } catch (ImageDecodeException e) {
            throw new IllegalStateException("training image of sample " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
