package org.alor.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Coreset by k-center greedy on L2-normalised features: d(u) = min Euclidean distance from pool item u to the
 * training set (retrieved + labeled); repeatedly pick argmax d (ties → lower index) and lower d with the distance
 * to the new pick. {@link Pick#score()} is d at pick time.
 *
 * <p>With an empty training set every d is +∞, so the first pick is pool index 0 (ties → lower index); the rest
 * follow from it.
 */
public final class CoresetStrategy extends InputCheckedStrategy {
    public static final String NAME = "coreset";

    public CoresetStrategy() {
        super(NAME, SelectionInput.Requirement.POOL_FEATURES, SelectionInput.Requirement.LABELED_FEATURES);
    }

    @Override
    Selection selectChecked(SelectionInput in) {
        float[][] pool = in.normalisedPoolFeatures();
        float[][] labeled = in.normalisedLabeledFeatures();
        int n = pool.length;
        double[] minSq = new double[n];
        Parallel.forRange(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                double best = Double.POSITIVE_INFINITY;
                for (float[] l : labeled) {
                    best = Math.min(best, Vectors.squaredDistance(pool[i], l));
                }
                minSq[i] = best;
            }
        });
        boolean[] taken = new boolean[n];
        int wanted = in.picksWanted();
        List<Pick> picks = new ArrayList<>(wanted);
        for (int p = 0; p < wanted; p++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!taken[i] && (best < 0 || minSq[i] > minSq[best])) {
                    best = i;
                }
            }
            double distance = Math.sqrt(minSq[best]);
            taken[best] = true;
            picks.add(new Pick(best, String.format(Locale.ROOT,
                    "farthest from the training set and earlier picks: distance %.4f", distance), null, distance));
            float[] centre = pool[best];
            Parallel.forRange(n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    if (!taken[i]) {
                        minSq[i] = Math.min(minSq[i], Vectors.squaredDistance(pool[i], centre));
                    }
                }
            });
        }
        return new Selection(NAME, picks);
    }
}
