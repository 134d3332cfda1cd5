package org.alor.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Minimal Random and TFS (docs/method.md §4) for engine tests; the real strategies live in org.alor.select. */
public final class TestSelectors {
    private TestSelectors() {
    }

    public static void registerAll() {
        Selectors.register("random", random());
        Selectors.register("tfs", tfs());
    }

    static Selector random() {
        return in -> {
            int n = in.poolProbs().length;
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < n; i++) idx.add(i);
            java.util.Collections.shuffle(idx, new Random(in.seed() * 1000 + in.round()));
            List<PickedItem> out = new ArrayList<>();
            for (int i = 0; i < Math.min(in.budget(), n); i++) out.add(new PickedItem(idx.get(i), null, null, "random"));
            return out;
        };
    }

    static Selector tfs() {
        return in -> {
            float[][] p = in.poolProbs();
            int c = in.classCounts().length;
            int[] counts = in.classCounts().clone();
            int[] predicted = new int[p.length];
            double[] score = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                int best = 0;
                for (int k = 1; k < c; k++) if (p[i][k] > p[i][best]) best = k;
                predicted[i] = best;
                for (float x : p[i]) score[i] += x * Math.log(x + 1e-6);
            }
            boolean[] taken = new boolean[p.length];
            List<PickedItem> out = new ArrayList<>();
            while (out.size() < in.budget()) {
                Integer[] order = new Integer[c];
                for (int k = 0; k < c; k++) order[k] = k;
                java.util.Arrays.sort(order, (a, b) -> counts[a] != counts[b] ? Integer.compare(counts[a], counts[b]) : Integer.compare(a, b));
                int pick = -1;
                int served = -1;
                for (int k : order) {
                    for (int i = 0; i < p.length; i++) {
                        if (!taken[i] && predicted[i] == k && (pick < 0 || score[i] < score[pick])) pick = i;
                    }
                    if (pick >= 0) {
                        served = k;
                        break;
                    }
                }
                if (pick < 0) break;
                taken[pick] = true;
                counts[served]++;
                out.add(new PickedItem(pick, served, score[pick], "tail class " + served + " (count " + (counts[served] - 1) + ")"));
            }
            return out;
        };
    }
}
