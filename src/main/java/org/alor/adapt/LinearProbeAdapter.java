package org.alor.adapt;

import org.alor.adapt.train.WarmupCosineSchedule;
import org.alor.job.CancellationToken;
import org.alor.job.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Linear probing (docs/method.md §5): the image encoder stays frozen, a C×D head initialised from the class text
 * embeddings trains with cross-entropy on {@code scale · W · normalise(f)} (scale fixed at 100), AdamW
 * (β 0.9/0.999, ε 1e-8, weight decay 0.01), per-iteration warm-up + cosine schedule, batch 128. After each epoch
 * the validation accuracy decides the kept head (ties: the later epoch).
 *
 * <p>Plain Java on float arrays: with cached features the head is all that trains, and a C×D matrix product per
 * batch is far cheaper here than moving batches through DJL. <b>Departure from the reference</b>: the reference
 * re-encodes randomly augmented images (RandomResizedCrop + flip) at every step; we train on the cached
 * embeddings of the un-augmented (eval-preprocessed) images, so there is no augmentation. Shuffling uses
 * {@link TrainingSet#seed()}, so a run is bit-for-bit reproducible.
 */
public final class LinearProbeAdapter implements Adapter {
    public static final float SCALE = 100f;
    /** Samples per gradient chunk; chunks of a batch run in parallel. */
    private static final int CHUNK = 16;
    private final TextHead initial;
    private final LinearProbeConfig config;

    public LinearProbeAdapter(TextHead initial, LinearProbeConfig config) {
        this.initial = initial;
        this.config = config;
    }

    @Override
    public String name() {
        return "lp";
    }

    @Override
    public AdaptedModel adapt(TrainingSet data, Progress progress, CancellationToken token) {
        int numClasses = initial.numClasses();
        if (data.numClasses() != numClasses) {
            throw new IllegalArgumentException("the text head has " + numClasses + " classes, the data " + data.numClasses());
        }
        float[][] w = copy(initial.weights());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("method", name());
        summary.put("scale", SCALE);
        summary.put("epochs", config.epochs());
        summary.put("batch_size", config.batchSize());
        summary.put("learning_rate", config.learningRate());
        summary.put("train_size", data.features().length);
        summary.put("augmentation", "none (cached features)");
        int n = data.features().length;
        if (n == 0) {
            token.throwIfCancelled();
            summary.put("best_epoch", 0);
            summary.put("note", "no training data: the text-initialised head is used as is");
            return new HeadModel(new TextHead(w), SCALE, summary);
        }
        float[][] train = normalisedRows(data.features());
        float[][] val = normalisedRows(data.valFeatures());
        int batch = config.batchSize();
        int itersPerEpoch = (n + batch - 1) / batch;
        WarmupCosineSchedule schedule = new WarmupCosineSchedule(config.warmup(), WarmupCosineSchedule.ALOR_WARMUP_START,
                (long) itersPerEpoch * config.epochs(), WarmupCosineSchedule.ALOR_MIN_LR);
        ArrayAdamW optimizer = new ArrayAdamW(numClasses, w[0].length, 0.9, 0.999, 1e-8, config.weightDecay());
        Random random = new Random(data.seed());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        float[][] grad = new float[numClasses][w[0].length];
        float[][][] partial = new float[(batch + CHUNK - 1) / CHUNK][numClasses][w[0].length];
        BestEpoch<float[][]> best = new BestEpoch<>();
        List<Double> valHistory = new ArrayList<>();
        long step = 0;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            shuffle(order, random);
            for (int start = 0; start < n; start += batch) {
                token.throwIfCancelled();
                int end = Math.min(n, start + batch);
                int from = start;
                float inv = 1f / (end - start);
                int chunks = (end - start + CHUNK - 1) / CHUNK;
                // Fixed chunks summed in a fixed order: the result does not depend on how many threads ran them.
                IntStream.range(0, chunks).parallel().forEach(k -> accumulate(w, train, data.labels(), order,
                        from + k * CHUNK, Math.min(end, from + (k + 1) * CHUNK), inv, partial[k]));
                for (int c = 0; c < numClasses; c++) {
                    float[] g = grad[c];
                    System.arraycopy(partial[0][c], 0, g, 0, g.length);
                    for (int k = 1; k < chunks; k++) {
                        float[] p = partial[k][c];
                        for (int d = 0; d < g.length; d++) g[d] += p[d];
                    }
                }
                optimizer.step(w, grad, schedule.learningRate(step++, config.learningRate()));
            }
            double accuracy = accuracy(w, val, data.valLabels());
            valHistory.add(Double.isNaN(accuracy) ? null : accuracy);
            progress.epoch(epoch, config.epochs(), accuracy);
            best.offer(epoch, accuracy, () -> copy(w));
        }
        summary.put("best_epoch", best.epoch());
        summary.put("best_val_accuracy", Double.isNaN(best.accuracy()) ? null : best.accuracy());
        summary.put("val_accuracy_per_epoch", valHistory);
        summary.put("iterations", step);
        return new HeadModel(new TextHead(best.model()), SCALE, summary);
    }

    /** Cross-entropy gradient of samples order[from..to) into {@code out}: scale·(p − y)·f̂ᵀ/B. */
    private static void accumulate(float[][] w, float[][] train, int[] labels, int[] order, int from, int to, float inv,
                                   float[][] out) {
        for (float[] row : out) Arrays.fill(row, 0f);
        float[] logits = new float[w.length];
        for (int k = from; k < to; k++) {
            int i = order[k];
            float[] f = train[i];
            for (int c = 0; c < w.length; c++) logits[c] = SCALE * dot(w[c], f);
            Vectors.softmaxInPlace(logits);
            logits[labels[i]] -= 1f;
            for (int c = 0; c < w.length; c++) {
                float coef = SCALE * logits[c] * inv;
                if (coef == 0f) continue;
                float[] g = out[c];
                for (int d = 0; d < f.length; d++) g[d] += coef * f[d];
            }
        }
    }

    /** Float dot product with four accumulators (the JIT vectorises it; determinism only needs a fixed order). */
    private static float dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }

    private static double accuracy(float[][] w, float[][] features, int[] labels) {
        if (features.length == 0) return Double.NaN;
        int correct = 0;
        for (int i = 0; i < features.length; i++) {
            int bestClass = 0;
            float bestLogit = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < w.length; c++) {
                float l = dot(w[c], features[i]);
                if (l > bestLogit) {
                    bestLogit = l;
                    bestClass = c;
                }
            }
            if (bestClass == labels[i]) correct++;
        }
        return (double) correct / features.length;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static float[][] normalisedRows(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) out[i] = Vectors.normalised(rows[i]);
        return out;
    }

    private static float[][] copy(float[][] m) {
        float[][] out = new float[m.length][];
        for (int i = 0; i < m.length; i++) out[i] = m[i].clone();
        return out;
    }
}
