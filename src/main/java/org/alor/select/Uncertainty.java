package org.alor.select;

/**
 * The reference's uncertainty score: Σ p·ln(p + 1e-6) — the negative entropy, so lower means more uncertain.
 * Entropy shown to users is −score.
 */
public final class Uncertainty {
    static final double EPS = 1e-6;

    private Uncertainty() {
    }

    public static double score(float[] p) {
        double s = 0;
        for (float v : p) {
            if (v != 0f) {
                s += v * Math.log(v + EPS);
            }
        }
        return s;
    }

    /** Scores of every row, computed in parallel. */
    public static double[] scores(float[][] probabilities) {
        double[] out = new double[probabilities.length];
        Parallel.forRange(probabilities.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = score(probabilities[i]);
            }
        });
        return out;
    }

    /** Scores and predictions in one pass over the probabilities (the pool may be 100,000 × 1,000). */
    record Scored(double[] scores, int[] predictions) {
    }

    static Scored scoresAndPredictions(float[][] probabilities) {
        double[] scores = new double[probabilities.length];
        int[] predicted = new int[probabilities.length];
        Parallel.forRange(probabilities.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                float[] p = probabilities[i];
                double s = 0;
                int best = 0;
                for (int k = 0; k < p.length; k++) {
                    float v = p[k];
                    if (v != 0f) {
                        s += v * Math.log(v + EPS);
                    }
                    if (v > p[best]) {
                        best = k;
                    }
                }
                scores[i] = s;
                predicted[i] = best;
            }
        });
        return new Scored(scores, predicted);
    }

    /** Predicted class (argmax, ties → lower class id) of every row. */
    public static int[] predictions(float[][] probabilities) {
        int[] out = new int[probabilities.length];
        Parallel.forRange(probabilities.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = Vectors.argmax(probabilities[i]);
            }
        });
        return out;
    }

    /**
     * The entropy −score as text. The reference's +1e-6 inside the log makes a near-certain row score slightly above 0
     * (ln(1 + 1e-6) > 0), which would print as "-0.000"; entropy is never negative, so it is clamped at 0.
     */
    static String formatEntropy(double score) {
        return String.format(java.util.Locale.ROOT, "%.3f", Math.max(0.0, -score));
    }
}
