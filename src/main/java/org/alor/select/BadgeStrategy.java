package org.alor.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * BADGE: k-means++ seeding on gradient embeddings (see {@link GradientEmbeddings}); the seeds are the selection.
 * First seed = largest gradient norm (ties → lower index); each next seed is sampled with probability ∝ D², the
 * squared distance to the nearest chosen seed, from a seeded stream; chosen items are never drawn again (if every
 * remaining D² is 0, the draw is uniform over the remaining items). {@link Pick#score()} is the first seed's
 * squared gradient norm, then each seed's D² at the moment it was drawn.
 */
public final class BadgeStrategy extends InputCheckedStrategy {
    public static final String NAME = "badge";

    public BadgeStrategy() {
        super(NAME, SelectionInput.Requirement.POOL_FEATURES);
    }

    @Override
    Selection selectChecked(SelectionInput in) {
        return new Selection(NAME, seeds(in, in.picksWanted(), SeededStreams.forInput(in, NAME)));
    }

    /** k-means++ seeds on the gradient embeddings, in draw order. */
    static List<Pick> seeds(SelectionInput in, int k, SplittableRandom rng) {
        GradientEmbeddings g = new GradientEmbeddings(in.normalisedPoolFeatures(), in.probabilities());
        int n = g.size();
        List<Pick> picks = new ArrayList<>(k);
        if (k <= 0 || n == 0) {
            return picks;
        }
        int first = 0;
        for (int i = 1; i < n; i++) {
            if (g.squaredNorm(i) > g.squaredNorm(first)) {
                first = i;
            }
        }
        picks.add(new Pick(first, String.format(Locale.ROOT,
                "largest gradient embedding: norm %.4f", Math.sqrt(g.squaredNorm(first))), null, g.squaredNorm(first)));
        boolean[] taken = new boolean[n];
        taken[first] = true;
        double[] minSq = new double[n];
        java.util.Arrays.fill(minSq, Double.POSITIVE_INFINITY);
        int centre = first;
        for (int p = 1; p < k; p++) {
            final int c = centre;
            Parallel.forRange(n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    if (!taken[i]) {
                        minSq[i] = Math.min(minSq[i], g.squaredDistance(i, c));
                    }
                }
            });
            int next = drawProportional(minSq, taken, rng);
            taken[next] = true;
            picks.add(new Pick(next, String.format(Locale.ROOT,
                    "k-means++ seed %d: squared distance %.4f to the nearest earlier seed (drawn ∝ D²)",
                    p + 1, minSq[next]), null, minSq[next]));
            centre = next;
        }
        return picks;
    }

    private static int drawProportional(double[] weights, boolean[] taken, SplittableRandom rng) {
        double total = 0;
        int lastOpen = -1;
        int open = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!taken[i]) {
                total += weights[i];
                lastOpen = i;
                open++;
            }
        }
        if (!(total > 0)) {
            int r = rng.nextInt(open);
            for (int i = 0; i < weights.length; i++) {
                if (!taken[i] && r-- == 0) {
                    return i;
                }
            }
        }
        double target = rng.nextDouble() * total;
        double cumulative = 0;
        int lastPositive = lastOpen;
        for (int i = 0; i < weights.length; i++) {
            if (!taken[i] && weights[i] > 0) {
                cumulative += weights[i];
                lastPositive = i;
                if (cumulative > target) {
                    return i;
                }
            }
        }
        return lastPositive; // rounding left target just above the running sum
    }
}
