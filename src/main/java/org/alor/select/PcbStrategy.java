package org.alor.select;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * PCB + BADGE. BADGE proposes max(budget, ⌊0.1·N⌋) candidates (at most N); then, budget times: take the class with
 * the smallest count (training set incl. retrieved; ties → lower class id), pick a random candidate predicted
 * (classifier argmax) as that class and increment that class's count; if no candidate is predicted as it, pick a
 * random candidate and leave the counts alone — as the reference does, so once the rarest class has no candidate
 * the remaining picks are all random candidates. {@link Pick#score()} is the rarest class's count at pick time.
 */
public final class PcbStrategy extends InputCheckedStrategy {
    public static final String NAME = "pcb";

    static final double CANDIDATE_FRACTION = 0.1;

    public PcbStrategy() {
        super(NAME, SelectionInput.Requirement.POOL_FEATURES);
    }

    static int candidateCount(int poolSize, int budget) {
        return Math.min(poolSize, Math.max(budget, (int) Math.floor(CANDIDATE_FRACTION * poolSize)));
    }

    @Override
    Selection selectChecked(SelectionInput in) {
        SplittableRandom rng = SeededStreams.forInput(in, NAME);
        int wanted = in.picksWanted();
        List<Pick> proposals = BadgeStrategy.seeds(in, candidateCount(in.poolSize(), wanted), rng);
        List<Integer> candidates = new ArrayList<>();
        for (Pick p : proposals) {
            candidates.add(p.poolIndex());
        }
        candidates.sort(null); // draw order must not depend on BADGE's order beyond the seeded stream
        int[] predicted = Uncertainty.predictions(in.probabilities());
        long[] counts = new long[in.classCount()];
        for (int k = 0; k < counts.length; k++) {
            counts[k] = in.classCounts()[k];
        }
        List<Pick> picks = new ArrayList<>(wanted);
        while (picks.size() < wanted && !candidates.isEmpty()) {
            int rarest = 0;
            for (int k = 1; k < counts.length; k++) {
                if (counts[k] < counts[rarest]) {
                    rarest = k;
                }
            }
            List<Integer> ofRarest = new ArrayList<>();
            for (int pos = 0; pos < candidates.size(); pos++) {
                if (predicted[candidates.get(pos)] == rarest) {
                    ofRarest.add(pos);
                }
            }
            long countNow = counts[rarest];
            if (!ofRarest.isEmpty()) {
                int pos = ofRarest.get(rng.nextInt(ofRarest.size()));
                int item = candidates.remove(pos);
                counts[rarest]++;
                picks.add(new Pick(item, "rarest class " + rarest + " (count " + countNow
                        + "): random BADGE candidate predicted as it", rarest, countNow));
            } else {
                int item = candidates.remove(rng.nextInt(candidates.size()));
                picks.add(new Pick(item, "rarest class " + rarest + " (count " + countNow
                        + ") has no BADGE candidate predicted as it: random candidate", null, countNow));
            }
        }
        return new Selection(NAME, picks);
    }
}
