package org.alor.clip;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContrastiveLossReferenceTest {
    private static final float[][] IMAGES = {{0.3f, -1.0f, 0.5f}, {1.2f, 0.1f, -0.4f}, {-0.2f, 0.7f, 0.9f}, {0.5f, 0.5f, 0.5f}};
    private static final float[][] TEXTS = {{0.2f, -0.8f, 0.1f}, {0.9f, 0.3f, -0.6f}, {0.1f, 0.2f, 1.1f}, {-0.4f, 0.6f, 0.2f}};
    private static final double LOG_SCALE = Math.log(1 / 0.07);

    /** Independent double-precision reference of ½[CE(L, diag) + CE(Lᵀ, diag)]. */
    private static double reference(double s) {
        int n = IMAGES.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                l[i][j] = Math.exp(s) * dot(unit(IMAGES[i]), unit(TEXTS[j]));
            }
        }
        double rows = 0, columns = 0;
        for (int i = 0; i < n; i++) {
            double rowSum = 0, columnSum = 0;
            for (int j = 0; j < n; j++) {
                rowSum += Math.exp(l[i][j]);
                columnSum += Math.exp(l[j][i]);
            }
            rows += Math.log(rowSum) - l[i][i];
            columns += Math.log(columnSum) - l[i][i];
        }
        return (rows / n + columns / n) / 2;
    }

    private static double[] unit(float[] v) {
        double norm = 0;
        for (float x : v) norm += x * x;
        norm = Math.sqrt(norm);
        double[] u = new double[v.length];
        for (int i = 0; i < v.length; i++) u[i] = v[i] / norm;
        return u;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    @Test
    void matchesTheSymmetricCrossEntropyAndItsGradientInTheScale() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray images = manager.create(flatten(IMAGES), new Shape(4, 3));
            NDArray texts = manager.create(flatten(TEXTS), new Shape(4, 3));
            NDArray scale = manager.create(new float[] {(float) LOG_SCALE});
            scale.setRequiresGradient(true);
            double value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = ContrastiveLoss.compute(images, texts, scale);
                assertThat(loss.getShape().isScalar()).isTrue();
                value = loss.getFloat();
                collector.backward(loss);
            }
            double sFloat = (float) LOG_SCALE;
            assertThat(value).isCloseTo(reference(sFloat), Percentage.withPercentage(1e-4));
            double h = 1e-5;
            double numeric = (reference(sFloat + h) - reference(sFloat - h)) / (2 * h);
            assertThat((double) scale.getGradient().toFloatArray()[0]).isCloseTo(numeric, Percentage.withPercentage(1e-2));
        }
    }

    @Test
    void perfectlyAlignedPairsGiveASmallLossAndShuffledPairsALargeOne() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray eye = manager.eye(4);
            NDArray scale = manager.create(new float[] {(float) LOG_SCALE});
            float aligned = ContrastiveLoss.compute(eye, eye, scale).getFloat();
            float swapped = ContrastiveLoss.compute(eye, eye.get("{}, :", manager.create(new long[] {1, 0, 3, 2})), scale).getFloat();
            assertThat(aligned).isLessThan(1e-5f);
            assertThat(swapped).isGreaterThan(10f);
        }
    }

    private static float[] flatten(float[][] x) {
        float[] out = new float[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) System.arraycopy(x[i], 0, out, i * x[0].length, x[0].length);
        return out;
    }
}
