package org.alor.select;

/** Small dense-vector helpers on float arrays (double accumulation). */
final class Vectors {
    private Vectors() {
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double squaredNorm(float[] a) {
        return dot(a, a);
    }

    static double squaredDistance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    /** Row-wise L2 normalisation into a new array; all-zero rows stay zero. */
    static float[][] normaliseRows(float[][] rows) {
        float[][] out = new float[rows.length][];
        Parallel.forRange(rows.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = normalise(rows[i]);
            }
        });
        return out;
    }

    static float[] normalise(float[] v) {
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
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
