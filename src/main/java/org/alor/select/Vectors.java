package org.alor.select;

import java.util.function.IntToDoubleFunction;

/**
 * Small dense-vector helpers on float arrays (double accumulation), unrolled for the selection strategies' hot
 * loops. adapt, retrieval and select each keep their own {@code Vectors}: they are sibling packages that must not
 * depend on each other, and the packages below them (clip, store, data) are not the place for vector math. The
 * three use the same names ({@code dot}, {@code normalised}).
 */
final class Vectors {
    private Vectors() {
    }

    // Four independent accumulators: the JIT cannot reorder a single floating-point sum, this lets the CPU overlap.
    static double dot(float[] a, float[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static double squaredNorm(float[] a) {
        return dot(a, a);
    }

    static double squaredDistance(float[] a, float[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double d0 = a[i] - b[i];
            double d1 = a[i + 1] - b[i + 1];
            double d2 = a[i + 2] - b[i + 2];
            double d3 = a[i + 3] - b[i + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < n; i++) {
            double d = a[i] - b[i];
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Row-wise L2 normalisation into a new array; all-zero rows stay zero. */
    static float[][] normalisedRows(float[][] rows) {
        float[][] out = new float[rows.length][];
        Parallel.forRange(rows.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = normalised(rows[i]);
            }
        });
        return out;
    }

    static float[] normalised(float[] v) {
        double norm = Math.sqrt(squaredNorm(v));
        float[] out = new float[v.length];
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                out[i] = (float) (v[i] / norm);
            }
        }
        return out;
    }

    /** Index of the largest value; ties go to the lower index (like numpy argmax). */
    static int argmax(float[] v) {
        return argmax(v.length, i -> v[i]);
    }

    static int argmax(double[] v) {
        return argmax(v.length, i -> v[i]);
    }

    private static int argmax(int length, IntToDoubleFunction value) {
        int best = 0;
        for (int i = 1; i < length; i++) {
            if (value.applyAsDouble(i) > value.applyAsDouble(best)) {
                best = i;
            }
        }
        return best;
    }
}
