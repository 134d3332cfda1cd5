package org.alor.synth;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Spearman's rank correlation ρ: the Pearson correlation of the two rank vectors, ties getting the
 * mean of the ranks they span (the usual definition; equals 1 − 6Σd²/(n(n²−1)) when there are no ties).
 */
public final class Spearman {
    private Spearman() {
    }

    /** ρ of paired samples; NaN when n < 2 or one side is constant. */
    public static double rho(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("need paired samples, got " + x.length + " and " + y.length);
        if (x.length < 2) return Double.NaN;
        return pearson(ranks(x), ranks(y));
    }

    /** 1-based ranks, ties averaged. */
    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) j++;
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) r[order[k]] = mean;
            i = j + 1;
        }
        return r;
    }

    static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0), mb = Arrays.stream(b).average().orElse(0);
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }
}
