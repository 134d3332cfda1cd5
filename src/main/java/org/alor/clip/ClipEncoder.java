package org.alor.clip;

import org.alor.job.CancellationToken;
import ai.djl.Device;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.alor.job.Phase;
import org.alor.job.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Batched inference with a {@link ClipModel}: images and token ids in, unnormalised embeddings out.
 * Each batch runs in its own NDManager scope that is closed afterwards (no native memory growth), with
 * autograd off. Cancellation is checked between batches ({@link CancellationException}). On a GPU, a CUDA
 * out-of-memory error halves the batch size and retries (the smaller size is kept for later batches).
 * Not thread-safe: use one encoder per thread.
 */
public final class ClipEncoder {
    public static final int DEFAULT_BATCH_SIZE = 32;
    private static final Logger LOG = LoggerFactory.getLogger(ClipEncoder.class);
    private static final CancellationToken NEVER = new CancellationToken();

    private final ClipModel model;
    private int batchSize;

    public ClipEncoder(ClipModel model) {
        this(model, DEFAULT_BATCH_SIZE);
    }

    public ClipEncoder(ClipModel model, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.model = model;
        this.batchSize = batchSize;
    }

    public Device device() {
        return model.device();
    }

    /** The current batch size (may have shrunk after a GPU out-of-memory retry). */
    public int batchSize() {
        return batchSize;
    }

    public float[][] encodeImages(float[] pixelsNCHW, int n) {
        return encodeImages(pixelsNCHW, n, Progress.NONE, NEVER);
    }

    /**
     * @param pixelsNCHW n preprocessed images [n, 3, S, S] (CLIP-normalised) in row-major order
     * @return n rows of embedDim floats
     */
    public float[][] encodeImages(float[] pixelsNCHW, int n, Progress progress, CancellationToken cancelled) {
        int perImage = imageFloats();
        if (n < 0 || (long) n * perImage != pixelsNCHW.length) {
            throw new IllegalArgumentException(n + " images of 3×" + model.config().imageSize() + "×"
                    + model.config().imageSize() + " need " + (long) n * perImage + " floats, got "
                    + pixelsNCHW.length);
        }
        long s = model.config().imageSize();
        try (ClipModel.WeightCasts once = model.castWeightsOnce()) {
            return inBatches(n, "images", progress, cancelled, (scope, from, count) -> {
                float[] slice = Arrays.copyOfRange(pixelsNCHW, from * perImage, (from + count) * perImage);
                return model.encodeImages(scope.create(slice, new Shape(count, 3, s, s)));
            });
        }
    }

    public float[][] encodeTexts(long[][] tokenIds) {
        return encodeTexts(tokenIds, Progress.NONE, NEVER);
    }

    /**
     * @param tokenIds one row per text, at most contextLength ids each (shorter rows are zero-padded, as
     *                 CLIP pads); the highest id per row (end-of-text) marks the pooled position, and each
     *                 batch only runs up to its last such position
     */
    public float[][] encodeTexts(long[][] tokenIds, Progress progress, CancellationToken cancelled) {
        ClipConfig c = model.config();
        for (int i = 0; i < tokenIds.length; i++) {
            long[] row = tokenIds[i];
            if (row.length == 0 || row.length > c.contextLength()) {
                throw new IllegalArgumentException("text " + i + " has " + row.length
                        + " tokens; expected 1.." + c.contextLength());
            }
            for (long id : row) {
                if (id < 0 || id >= c.vocabSize()) {
                    throw new IllegalArgumentException("text " + i + " has token id " + id
                            + " outside the vocabulary [0, " + c.vocabSize() + ")");
                }
            }
        }
        try (ClipModel.WeightCasts once = model.castWeightsOnce()) {
            return encodeTextBatches(tokenIds, progress, cancelled);
        }
    }

    private float[][] encodeTextBatches(long[][] tokenIds, Progress progress, CancellationToken cancelled) {
        return inBatches(tokenIds.length, "texts", progress, cancelled, (scope, from, count) -> {
            // causal attention: tokens after a row's end-of-text token cannot change its pooled output,
            // so the batch is cut after the last end-of-text position (a 77-token context holding short
            // prompts shrinks several-fold, with identical results)
            int length = 0;
            for (int i = from; i < from + count; i++) {
                length = Math.max(length, pooledPosition(tokenIds[i]) + 1);
            }
            long[] flat = new long[count * length];
            for (int i = 0; i < count; i++) {
                long[] row = tokenIds[from + i];
                System.arraycopy(row, 0, flat, i * length, Math.min(length, row.length));
            }
            return model.encodeTexts(scope.create(flat, new Shape(count, length)));
        });
    }

    /** One batch's forward: items [from, from + count) as an NDArray made in {@code scope}. */
    @FunctionalInterface
    private interface BatchForward {
        NDArray run(NDManager scope, int from, int count);
    }

    /**
     * Encodes {@code n} items batch by batch (a batch that runs out of GPU memory is retried smaller), checking for
     * a cancel before each batch and reporting the items done after it.
     */
    private float[][] inBatches(int n, String what, Progress progress, CancellationToken cancelled, BatchForward forward) {
        float[][] out = new float[n][];
        int done = 0;
        while (done < n) {
            checkCancelled(cancelled);
            int from = done;
            float[][] rows = withOomRetry(Math.min(batchSize, n - from), count -> runBatch(scope -> forward.run(scope, from, count)));
            System.arraycopy(rows, 0, out, from, rows.length);
            done += rows.length;
            progress.phase(Phase.EMBEDDING, done, n, what);
        }
        return out;
    }

    /**
     * Streaming hook for a decode pipeline: each element is one batch of preprocessed images
     * [k, 3, S, S] flattened; embeddings are handed to {@code sink} batch by batch, in order.
     *
     * @return the number of images encoded
     */
    public long encodeImageStream(Iterator<float[]> batches, Consumer<float[][]> sink,
                                  Progress progress, CancellationToken cancelled) {
        int perImage = imageFloats();
        try (ClipModel.WeightCasts once = model.castWeightsOnce()) {
            return encodeStream(batches, sink, progress, cancelled, perImage);
        }
    }

    private long encodeStream(Iterator<float[]> batches, Consumer<float[][]> sink, Progress progress,
                              CancellationToken cancelled, int perImage) {
        long done = 0;
        while (true) {
            checkCancelled(cancelled);
            if (!batches.hasNext()) {
                return done;
            }
            float[] batch = batches.next();
            if (batch.length % perImage != 0) {
                throw new IllegalArgumentException("an image batch of " + batch.length
                        + " floats is not a whole number of 3×S×S images (" + perImage + " floats each)");
            }
            float[][] rows = encodeImages(batch, batch.length / perImage, Progress.NONE, cancelled);
            sink.accept(rows);
            done += rows.length;
            progress.phase(Phase.EMBEDDING, done, -1, "images");
        }
    }

    /** Index of the row's highest id (the first one on ties, as argmax): where the text tower pools. */
    public static int pooledPosition(long[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }

    private int imageFloats() {
        int s = model.config().imageSize();
        return 3 * s * s;
    }

    /** Runs one forward in a closed-after-use scope without autograd and copies the result to the heap. */
    private float[][] runBatch(Function<NDManager, NDArray> forward) {
        try (NDManager scope = model.parameterManager().newSubManager(model.device());
             NoGradient ignored = NoGradient.enter()) {
            NDArray embeds = forward.apply(scope);
            return toRows(embeds.toFloatArray(), (int) embeds.getShape().get(0));
        }
    }

    /** Tries {@code count} items; on a GPU out-of-memory error halves the batch size and encodes fewer. */
    private float[][] withOomRetry(int count, Function<Integer, float[][]> attempt) {
        while (true) {
            try {
                return attempt.apply(count);
            } catch (EngineException e) {
                if (!model.device().isGpu() || !isOutOfMemory(e) || count == 1) {
                    throw e;
                }
                count = Math.max(1, count / 2);
                batchSize = count;
                LOG.warn("GPU out of memory; retrying with batch size {}", count);
                freeGpuCache();
            }
        }
    }

    private static boolean isOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.toLowerCase(Locale.ROOT).contains("out of memory")) {
                return true;
            }
        }
        return false;
    }

    private static void freeGpuCache() {
        try {
            ai.djl.pytorch.jni.JniUtils.emptyCudaCache();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("could not empty the CUDA cache", e);
        }
    }

    private static void checkCancelled(CancellationToken cancelled) {
        if (cancelled.isCancelled()) {
            throw new CancellationException("encoding cancelled");
        }
    }

    private static float[][] toRows(float[] flat, int rows) {
        int width = rows == 0 ? 0 : flat.length / rows;
        float[][] out = new float[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return out;
    }
}
