package org.alor.synth;

/** Spearman rank correlation for tests (average ranks for ties). */
final class Stats {
    private Stats() {
    }

    static double spearman(int[] a, int[] b) {
        double[] ra = ranks(a), rb = ranks(b);
        double ma = mean(ra), mb = mean(rb), num = 0, da = 0, db = 0;
        for (int i = 0; i < a.length; i++) {
            num += (ra[i] - ma) * (rb[i] - mb);
            da += (ra[i] - ma) * (ra[i] - ma);
            db += (rb[i] - mb) * (rb[i] - mb);
        }
        return num / Math.sqrt(da * db);
    }

    private static double[] ranks(int[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int less = 0, equal = 0;
            for (int x : v) {
                if (x < v[i]) less++;
                else if (x == v[i]) equal++;
            }
            r[i] = less + (equal + 1) / 2.0;
        }
        return r;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
