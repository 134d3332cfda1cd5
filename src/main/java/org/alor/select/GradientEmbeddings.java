package org.alor.select;

/**
 * BADGE gradient embeddings g(x) ∈ R^{D·C}, block c = f(x)·(1[c = argmax p] − p_c), never materialised:
 * g(x) = f(x) ⊗ a(x) with a = onehot(argmax p) − p, so
 * ‖g(x) − g(y)‖² = ‖f(x)‖²‖a(x)‖² + ‖f(y)‖²‖a(y)‖² − 2 (f(x)·f(y)) (a(x)·a(y)).
 * Memory is O(N·(D + C)).
 */
final class GradientEmbeddings {
    private final float[][] features;
    private final float[][] residuals;
    private final double[] squaredNorms;

    /** @param features L2-normalised pool features N×D; @param probabilities N×C */
    GradientEmbeddings(float[][] features, float[][] probabilities) {
        int n = features.length;
        this.features = features;
        this.residuals = new float[n][];
        this.squaredNorms = new double[n];
        Parallel.forRange(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                float[] p = probabilities[i];
                float[] a = new float[p.length];
                int arg = Vectors.argmax(p);
                for (int c = 0; c < p.length; c++) {
                    a[c] = (c == arg ? 1f : 0f) - p[c];
                }
                residuals[i] = a;
                squaredNorms[i] = Vectors.squaredNorm(features[i]) * Vectors.squaredNorm(a);
            }
        });
    }

    int size() {
        return features.length;
    }

    double squaredNorm(int i) {
        return squaredNorms[i];
    }

    double squaredDistance(int i, int j) {
        double cross = Vectors.dot(features[i], features[j]) * Vectors.dot(residuals[i], residuals[j]);
        return Math.max(0.0, squaredNorms[i] + squaredNorms[j] - 2.0 * cross);
    }

    /** The explicit D·C vector (block c = f·a_c); for tests on small inputs only. */
    float[] materialise(int i) {
        float[] f = features[i];
        float[] a = residuals[i];
        float[] g = new float[f.length * a.length];
        for (int c = 0; c < a.length; c++) {
            for (int d = 0; d < f.length; d++) {
                g[c * f.length + d] = f[d] * a[c];
            }
        }
        return g;
    }
}
