package org.alor.synth;

import java.util.SplittableRandom;

/**
 * How often each species appears in the open corpus: a Zipf-like long tail (weight ∝ rank^-1.1)
 * over a seeded ranking that is independent of the species id, with the last few ranks nearly
 * absent (0–3 pairs each), as some Semi-Aves classes are in LAION.
 *
 * @param counts pairs per species id
 * @param ranks  1-based frequency rank per species id (1 = most frequent)
 */
public record LongTail(int[] counts, int[] ranks) {
    public static final double EXPONENT = 1.1;

    public static LongTail of(int species, int birdPairs, long seed) {
        SplittableRandom rnd = Seeds.random(seed, Seeds.FREQUENCY);
        int[] byRank = new int[species]; // species id at each rank
        for (int i = 0; i < species; i++) byRank[i] = i;
        for (int i = species - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = byRank[i];
            byRank[i] = byRank[j];
            byRank[j] = t;
        }
        int nearlyAbsent = Math.max(1, Math.round(species / 8f));
        int[] rankCounts = new int[species];
        int left = birdPairs;
        for (int r = species - nearlyAbsent; r < species; r++) {
            rankCounts[r] = Math.min(left, rnd.nextInt(4));
            left -= rankCounts[r];
        }
        distributeZipf(rankCounts, species - nearlyAbsent, left);

        int[] counts = new int[species], ranks = new int[species];
        for (int r = 0; r < species; r++) {
            counts[byRank[r]] = rankCounts[r];
            ranks[byRank[r]] = r + 1;
        }
        return new LongTail(counts, ranks);
    }

    /** Largest-remainder rounding of total · w_r / Σw over the first {@code n} ranks. */
    private static void distributeZipf(int[] out, int n, int total) {
        double[] w = new double[n];
        double sum = 0;
        for (int r = 0; r < n; r++) sum += w[r] = Math.pow(r + 1, -EXPONENT);
        int given = 0;
        double[] rest = new double[n];
        for (int r = 0; r < n; r++) {
            double exact = total * w[r] / sum;
            out[r] = (int) Math.floor(exact);
            rest[r] = exact - out[r];
            given += out[r];
        }
        for (int k = 0; k < total - given; k++) {
            int best = 0;
            for (int r = 1; r < n; r++) if (rest[r] > rest[best]) best = r;
            out[best]++;
            rest[best] = -1;
        }
    }
}
