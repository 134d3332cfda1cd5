package org.alor.select;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Uniform sampling without replacement (partial Fisher–Yates), seeded; each round gets its own stream. */
public final class RandomStrategy implements SelectionStrategy {
    public static final String NAME = "random";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Selection select(SelectionInput in) {
        int n = in.poolSize();
        int k = in.picksWanted();
        SplittableRandom rng = SeededStreams.forInput(in, NAME);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        List<Pick> picks = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            picks.add(new Pick(order[i], "random draw " + (i + 1) + " of " + k
                    + " (seed " + in.seed() + ", round " + in.round() + ")", null, i));
        }
        return new Selection(NAME, picks);
    }
}
