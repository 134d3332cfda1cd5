package org.alor.adapt;

/**
 * Small dense-vector helpers on float arrays. A per-package copy with the same names as retrieval's and select's
 * ({@code dot}, {@code normalised}): sibling packages must not depend on each other.
 */
public final class Vectors {
    private Vectors() {
    }

    public static float dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return (float) s;
    }

    /** A copy scaled to unit L2 norm (a zero vector stays zero). */
    public static float[] normalised(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] out = new float[v.length];
        if (norm == 0) return out;
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm);
        return out;
    }

    public static void softmaxInPlace(float[] row) {
        float max = Float.NEGATIVE_INFINITY;
        for (float x : row) max = Math.max(max, x);
        double sum = 0;
        for (int i = 0; i < row.length; i++) {
            row[i] = (float) Math.exp(row[i] - max);
            sum += row[i];
        }
        for (int i = 0; i < row.length; i++) row[i] = (float) (row[i] / sum);
    }
}
