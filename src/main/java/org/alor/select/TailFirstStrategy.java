package org.alor.select;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * TFS — Tail First Sampling (docs/method.md §4). For each pick: visit classes by ascending current count (ties → lower
 * class id), skip classes with no unpicked pool item predicted (argmax) as them, take that class's unpicked item
 * with the lowest Σ p·ln(p + 1e-6) (ties → lower index), and increment that class's count.
 *
 * <p>Every pool item is predicted as exactly one class, so while unpicked items remain some class can offer one:
 * TFS always returns min(budget, N) picks. {@link Pick#score()} is the item's uncertainty score;
 * {@link Pick#servedClass()} the class it was taken for.
 */
public final class TailFirstStrategy implements SelectionStrategy {
    public static final String NAME = "tfs";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Selection select(SelectionInput in) {
        int c = in.classCount();
        Uncertainty.Scored scored = Uncertainty.scoresAndPredictions(in.probabilities());
        double[] scores = scored.scores();
        int[] predicted = scored.predictions();
        int[][] queues = itemsPerClassMostUncertainFirst(predicted, scores, c);
        int[] next = new int[c];
        long[] counts = new long[c];
        for (int k = 0; k < c; k++) {
            counts[k] = in.classCounts()[k];
        }
        // Classes that still have something to offer, ordered by (count, class id).
        TreeSet<Integer> open = new TreeSet<>((a, b) -> {
            int cmp = Long.compare(counts[a], counts[b]);
            return cmp != 0 ? cmp : Integer.compare(a, b);
        });
        for (int k = 0; k < c; k++) {
            if (queues[k].length > 0) {
                open.add(k);
            }
        }
        int wanted = in.picksWanted();
        List<Pick> picks = new ArrayList<>(wanted);
        while (picks.size() < wanted && !open.isEmpty()) {
            int cls = open.pollFirst();
            int item = queues[cls][next[cls]++];
            picks.add(new Pick(item, "tail class " + cls + " — count " + counts[cls] + " at pick time; entropy "
                    + Uncertainty.formatEntropy(scores[item]), cls, scores[item]));
            counts[cls]++;
            if (next[cls] < queues[cls].length) {
                open.add(cls);
            }
        }
        return new Selection(NAME, picks);
    }

    private static int[][] itemsPerClassMostUncertainFirst(int[] predicted, double[] scores, int c) {
        int[] sizes = new int[c];
        for (int p : predicted) {
            sizes[p]++;
        }
        int[][] members = new int[c][];
        for (int k = 0; k < c; k++) {
            members[k] = new int[sizes[k]];
        }
        int[] fill = new int[c];
        for (int i = 0; i < predicted.length; i++) {
            members[predicted[i]][fill[predicted[i]]++] = i;
        }
        for (int k = 0; k < c; k++) {
            if (members[k].length > 1) {
                members[k] = Ranking.ascending(scores, members[k]);
            }
        }
        return members;
    }
}
