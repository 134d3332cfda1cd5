package org.alor.retrieval;

/**
 * Small float-vector helpers for ranking and near-duplicate filtering. A per-package copy with the same names as
 * adapt's and select's ({@code dot}, {@code normalised}): sibling packages must not depend on each other.
 */
final class Vectors {
    private Vectors() {
    }

    static float[] normalised(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        double n = Math.sqrt(s);
        float[] out = new float[v.length];
        if (n == 0) return out;
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / n);
        return out;
    }

    static double dot(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("embedding sizes differ: " + a.length + " vs " + b.length);
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }
}
