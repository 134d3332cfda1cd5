package org.alor.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Splits labeled pool samples into pool / val / test per class, reproducibly for a seed.
 *
 * <p>Per class with n samples: {@code nVal = round(n·valFraction)}, {@code nTest = round(n·testFraction)}; when
 * n ≥ 3 a positive fraction gets at least one sample (so every class can be evaluated); then, while
 * {@code nVal + nTest > n − 1}, the larger of the two is reduced (test on a tie), so the pool keeps at least one
 * sample of every class. A class with one sample stays in the pool. The class's samples are sorted by path and
 * shuffled with a {@link Random} seeded from the seed and the class id, so a class's split does not depend on the
 * other classes. Unlabeled samples and samples already in val/test/retrieved are left alone.
 */
public record StratifiedSplitter(double valFraction, double testFraction, long seed) {
    public StratifiedSplitter {
        if (valFraction < 0 || testFraction < 0 || valFraction + testFraction >= 1) {
            throw new IllegalArgumentException("need val, test >= 0 and val + test < 1, got " + valFraction + ", " + testFraction);
        }
    }

    /** The samples in input order, labeled pool samples reassigned. */
    public List<SampleRecord> assign(List<SampleRecord> samples) {
        Map<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < samples.size(); i++) {
            SampleRecord s = samples.get(i);
            if (s.split() == Split.POOL && s.trueLabel() != null) byClass.computeIfAbsent(s.trueLabel(), k -> new ArrayList<>()).add(i);
        }
        List<SampleRecord> out = new ArrayList<>(samples);
        for (Map.Entry<Integer, List<Integer>> e : byClass.entrySet()) {
            List<Integer> idx = e.getValue();
            idx.sort(Comparator.comparing(i -> samples.get(i).path()));
            java.util.Collections.shuffle(idx, new Random(classSeed(e.getKey())));
            int[] counts = counts(idx.size());
            for (int k = 0; k < counts[0] + counts[1]; k++) {
                SampleRecord s = samples.get(idx.get(k));
                Split split = k < counts[0] ? Split.VAL : Split.TEST;
                out.set(idx.get(k), new SampleRecord(s.path(), split, s.trueLabel(), s.width(), s.height(), s.contentHash()));
            }
        }
        return out;
    }

    /** {val, test} counts for a class of n samples, following the rule in the class comment. */
    public int[] counts(int n) {
        int val = (int) Math.round(n * valFraction);
        int test = (int) Math.round(n * testFraction);
        if (n >= 3) {
            if (valFraction > 0) val = Math.max(val, 1);
            if (testFraction > 0) test = Math.max(test, 1);
        }
        while (n > 0 && val + test > n - 1) {
            if (test >= val) test--;
            else val--;
        }
        return new int[] {val, test};
    }

    private long classSeed(int classId) {
        return seed * 0x9E3779B97F4A7C15L + classId;
    }
}
