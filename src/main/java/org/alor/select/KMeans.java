package org.alor.select;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded, deterministic k-means: k-means++ initialisation (first centre uniform, then ∝ D², one trial each),
 * then Lloyd iterations until assignments stop changing, the centres move less than {@code tolerance} × the mean
 * per-dimension variance of the points (summed squared shift, as scikit-learn), or {@code maxIterations}.
 * Empty clusters keep their previous centre. Assignment ties → lower cluster index.
 */
final class KMeans {
    static final int DEFAULT_MAX_ITERATIONS = 100;
    static final double DEFAULT_TOLERANCE = 1e-4;

    /** Result: the cluster of each point and the centres. */
    record Result(int[] assignment, float[][] centres, int iterations) {
        /** Index of the member nearest to each centre (ties → lower index), or -1 for an empty cluster. */
        int[] nearestMembers(float[][] points) {
            int[] best = new int[centres.length];
            double[] bestSq = new double[centres.length];
            Arrays.fill(best, -1);
            for (int i = 0; i < points.length; i++) {
                int c = assignment[i];
                double sq = Vectors.squaredDistance(points[i], centres[c]);
                if (best[c] < 0 || sq < bestSq[c]) {
                    best[c] = i;
                    bestSq[c] = sq;
                }
            }
            return best;
        }
    }

    private KMeans() {
    }

    static Result fit(float[][] points, int k, SplittableRandom rng) {
        return fit(points, k, rng, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE);
    }

    static Result fit(float[][] points, int k, SplittableRandom rng, int maxIterations, double tolerance) {
        int n = points.length;
        if (k <= 0 || k > n) {
            throw new IllegalArgumentException("k-means needs 1 <= k <= n, got k=" + k + ", n=" + n);
        }
        int d = points[0].length;
        float[][] centres = initialCentres(points, k, rng);
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        double shiftLimit = tolerance * meanVariance(points);
        int iteration = 0;
        while (iteration < maxIterations) {
            iteration++;
            boolean changed = assign(points, centres, assignment);
            float[][] updated = means(points, assignment, centres, d);
            double shift = 0;
            for (int c = 0; c < k; c++) {
                shift += Vectors.squaredDistance(updated[c], centres[c]);
            }
            centres = updated;
            if (!changed || shift <= shiftLimit) {
                break;
            }
        }
        assign(points, centres, assignment);
        return new Result(assignment, centres, iteration);
    }

    private static float[][] initialCentres(float[][] points, int k, SplittableRandom rng) {
        int n = points.length;
        float[][] centres = new float[k][];
        boolean[] chosen = new boolean[n];
        int first = rng.nextInt(n);
        chosen[first] = true;
        centres[0] = points[first].clone();
        double[] minSq = new double[n];
        Arrays.fill(minSq, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            float[] last = centres[c - 1];
            Parallel.forRange(n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    minSq[i] = Math.min(minSq[i], Vectors.squaredDistance(points[i], last));
                }
            });
            double total = 0;
            for (int i = 0; i < n; i++) {
                if (!chosen[i]) {
                    total += minSq[i];
                }
            }
            int pick = -1;
            if (total > 0) {
                double target = rng.nextDouble() * total;
                double cumulative = 0;
                for (int i = 0; i < n; i++) {
                    if (!chosen[i] && minSq[i] > 0) {
                        cumulative += minSq[i];
                        pick = i;
                        if (cumulative > target) {
                            break;
                        }
                    }
                }
            } else { // all remaining points coincide with centres: any unchosen point will do
                int r = rng.nextInt(n - c);
                for (int i = 0; i < n && pick < 0; i++) {
                    if (!chosen[i] && r-- == 0) {
                        pick = i;
                    }
                }
            }
            chosen[pick] = true;
            centres[c] = points[pick].clone();
        }
        return centres;
    }

    /** Nearest centre per point; returns whether any assignment changed. */
    private static boolean assign(float[][] points, float[][] centres, int[] assignment) {
        double[] centreSq = new double[centres.length];
        for (int c = 0; c < centres.length; c++) {
            centreSq[c] = Vectors.squaredNorm(centres[c]);
        }
        boolean[] changed = new boolean[1];
        Parallel.forRange(points.length, (from, to) -> {
            boolean local = false;
            for (int i = from; i < to; i++) {
                int best = 0;
                double bestValue = Double.POSITIVE_INFINITY;
                for (int c = 0; c < centres.length; c++) {
                    // ‖x − c‖² − ‖x‖²: enough to rank centres
                    double v = centreSq[c] - 2 * Vectors.dot(points[i], centres[c]);
                    if (v < bestValue) {
                        bestValue = v;
                        best = c;
                    }
                }
                if (assignment[i] != best) {
                    assignment[i] = best;
                    local = true;
                }
            }
            if (local) {
                changed[0] = true;
            }
        });
        return changed[0];
    }

    private static float[][] means(float[][] points, int[] assignment, float[][] previous, int d) {
        int k = previous.length;
        double[][] sums = new double[k][d];
        int[] sizes = new int[k];
        for (int i = 0; i < points.length; i++) {
            int c = assignment[i];
            sizes[c]++;
            float[] x = points[i];
            double[] s = sums[c];
            for (int j = 0; j < d; j++) {
                s[j] += x[j];
            }
        }
        float[][] out = new float[k][];
        for (int c = 0; c < k; c++) {
            if (sizes[c] == 0) {
                out[c] = previous[c].clone();
            } else {
                out[c] = new float[d];
                for (int j = 0; j < d; j++) {
                    out[c][j] = (float) (sums[c][j] / sizes[c]);
                }
            }
        }
        return out;
    }

    private static double meanVariance(float[][] points) {
        int d = points[0].length;
        double total = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (float[] p : points) {
                mean += p[j];
            }
            mean /= points.length;
            double var = 0;
            for (float[] p : points) {
                double x = p[j] - mean;
                var += x * x;
            }
            total += var / points.length;
        }
        return total / d;
    }
}
