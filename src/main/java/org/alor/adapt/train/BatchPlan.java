package org.alor.adapt.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded shuffling and the split of an epoch into batches and of a batch into micro-batches. */
final class BatchPlan {
    private BatchPlan() {
    }

    /** A well-mixed 64-bit combination (SplitMix64 finaliser) of a seed and a value. */
    static long mix(long seed, long value) {
        long z = seed + 0x9E3779B97F4A7C15L * (value + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static int batchCount(int examples, int batchSize, boolean dropLast) {
        if (examples <= 0) return 0;
        if (dropLast && examples >= batchSize) return examples / batchSize;
        return (examples + batchSize - 1) / batchSize;
    }

    /** The batches of one epoch: a seeded Fisher–Yates permutation cut into batches. */
    static List<int[]> epochBatches(int examples, int batchSize, boolean dropLast, long seed, int epoch) {
        int[] order = new int[examples];
        for (int i = 0; i < examples; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(mix(seed, epoch));
        for (int i = examples - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int count = batchCount(examples, batchSize, dropLast);
        List<int[]> batches = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            batches.add(Arrays.copyOfRange(order, b * batchSize, Math.min(examples, (b + 1) * batchSize)));
        }
        return batches;
    }

    /** Splits a batch into at most {@code parts} micro-batches of near-equal size (larger ones first). */
    static List<int[]> split(int[] batch, int parts) {
        int k = Math.max(1, Math.min(parts, batch.length));
        List<int[]> chunks = new ArrayList<>(k);
        int base = batch.length / k;
        int extra = batch.length % k;
        int from = 0;
        for (int c = 0; c < k; c++) {
            int size = base + (c < extra ? 1 : 0);
            chunks.add(Arrays.copyOfRange(batch, from, from + size));
            from += size;
        }
        return chunks;
    }

    /** Largest micro-batch size when {@code batchSize} examples are split into {@code parts}. */
    static int largestChunk(int batchSize, int parts) {
        int k = Math.max(1, Math.min(parts, batchSize));
        return (batchSize + k - 1) / k;
    }

    /** The load requests of steps {@code fromStep..} of an epoch, micro-batches in order. */
    static List<BatchRequest> requests(List<int[]> batches, int fromStep, int parts, long seed, int epoch) {
        List<BatchRequest> requests = new ArrayList<>();
        for (int s = fromStep; s < batches.size(); s++) {
            long stepSeed = mix(mix(seed, epoch), s);
            int offset = 0;
            List<int[]> chunks = split(batches.get(s), parts);
            for (int c = 0; c < chunks.size(); c++) {
                requests.add(new BatchRequest(epoch, s, c, chunks.get(c), offset, stepSeed));
                offset += chunks.get(c).length;
            }
        }
        return requests;
    }
}
