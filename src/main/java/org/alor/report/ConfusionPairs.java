package org.alor.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The class pairs a model confuses most, from true and predicted labels (the off-diagonal of the confusion matrix). */
public final class ConfusionPairs {
    private ConfusionPairs() {
    }

    /**
     * The {@code limit} most frequent (true → predicted) mistakes, most images first (ties: larger share, then lower
     * class ids).
     *
     * @param sampleIds one per image, as are {@code truth} and {@code predicted}
     */
    public static List<ConfusedPair> top(long[] sampleIds, int[] truth, int[] predicted, int limit) {
        if (sampleIds.length != truth.length || truth.length != predicted.length) {
            throw new IllegalArgumentException("sample ids, true and predicted labels differ in length: "
                    + sampleIds.length + ", " + truth.length + ", " + predicted.length);
        }
        Map<Integer, Integer> perTrueClass = new HashMap<>();
        Map<Long, List<Long>> mistakes = new HashMap<>();
        for (int i = 0; i < truth.length; i++) {
            perTrueClass.merge(truth[i], 1, Integer::sum);
            if (truth[i] != predicted[i]) {
                mistakes.computeIfAbsent(key(truth[i], predicted[i]), k -> new ArrayList<>()).add(sampleIds[i]);
            }
        }
        List<ConfusedPair> pairs = new ArrayList<>();
        mistakes.forEach((k, ids) -> {
            int t = (int) (k >> 32);
            int p = (int) (long) k;
            ids.sort(Long::compare);
            pairs.add(new ConfusedPair(t, p, ids.size(), (double) ids.size() / perTrueClass.get(t), List.copyOf(ids)));
        });
        pairs.sort(Comparator.comparingInt(ConfusedPair::count).reversed()
                .thenComparing(Comparator.comparingDouble(ConfusedPair::share).reversed())
                .thenComparingInt(ConfusedPair::trueClass).thenComparingInt(ConfusedPair::predictedClass));
        return List.copyOf(pairs.subList(0, Math.min(Math.max(0, limit), pairs.size())));
    }

    private static long key(int t, int p) {
        return ((long) t << 32) | (p & 0xffffffffL);
    }
}
