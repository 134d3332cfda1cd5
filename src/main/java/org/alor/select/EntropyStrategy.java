package org.alor.select;

import java.util.ArrayList;
import java.util.List;

/**
 * Highest entropy first: ascending Σ p·ln(p + 1e-6), ties → lower index. {@link Pick#score()} is that score
 * (lower = more uncertain); the reason shows the entropy (−score).
 */
public final class EntropyStrategy implements SelectionStrategy {
    public static final String NAME = "entropy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Selection select(SelectionInput in) {
        double[] scores = Uncertainty.scores(in.probabilities());
        int k = in.picksWanted();
        int[] order = TopK.smallest(scores, k);
        List<Pick> picks = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int idx = order[i];
            picks.add(new Pick(idx, "uncertainty rank " + (i + 1) + "; entropy "
                    + Uncertainty.formatEntropy(scores[idx]), null, scores[idx]));
        }
        return new Selection(NAME, picks);
    }
}
