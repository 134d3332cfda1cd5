package org.alor.select;

import java.util.Random;

/** Random test inputs built from a seed. */
final class RandomInputs {
    private RandomInputs() {
    }

    /** A probability row; when peaked, one class gets most of the mass. */
    static float[] probabilityRow(Random r, int c, boolean uniform) {
        float[] p = new float[c];
        if (uniform) {
            java.util.Arrays.fill(p, 1f / c);
            return p;
        }
        double sum = 0;
        double[] raw = new double[c];
        for (int k = 0; k < c; k++) {
            raw[k] = Math.exp(2.5 * r.nextGaussian());
            sum += raw[k];
        }
        for (int k = 0; k < c; k++) {
            p[k] = (float) (raw[k] / sum);
        }
        return p;
    }

    static float[][] probabilities(Random r, int n, int c) {
        float[][] p = new float[n][];
        for (int i = 0; i < n; i++) {
            p[i] = probabilityRow(r, c, false);
        }
        return p;
    }

    static float[][] gaussian(Random r, int rows, int d) {
        float[][] x = new float[rows][d];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = (float) r.nextGaussian();
            }
        }
        return x;
    }

    static int[] counts(Random r, int c, int max) {
        int[] counts = new int[c];
        for (int k = 0; k < c; k++) {
            counts[k] = r.nextInt(max + 1);
        }
        return counts;
    }

    /** A complete input every strategy can run on. */
    static SelectionInput full(long seed, int n, int c, int d, int m, int budget) {
        Random r = new Random(seed);
        float[][] labeled = gaussian(r, m, d);
        int[] labeledClasses = new int[m];
        for (int i = 0; i < m; i++) {
            labeledClasses[i] = r.nextInt(c);
        }
        return SelectionInput.builder(probabilities(r, n, c), counts(r, c, 20))
                .poolFeatures(gaussian(r, n, d))
                .labeled(labeled, labeledClasses)
                .classifier(gaussian(r, c, d), 10f)
                .budget(budget).seed(seed).round(r.nextInt(7)).build();
    }
}
