package org.alor.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * ALFA-Mix with the closed-form α (docs/method.md §4), on L2-normalised features z and the linear head
 * logits = scale·W·normalise(z).
 *
 * <ol>
 *   <li>Anchors: per class, the mean training-set feature of that class from real labels; a class without
 *       training examples uses the mean of all of them (as the reference).</li>
 *   <li>For each pool item x with head prediction y = argmax W·x: g = ∂CE(logits, y)/∂x (through the
 *       normalisation). For caps ε = {0.2, 0.4, 0.6, 0.8, 1.0}/√D and every anchor a, the reference's closed form
 *       α_d = ε‖a − x‖/‖g‖ · g_d/(a_d − x_d) gives the mixture (1 − α)⊙x + α⊙a = x + ε‖a − x‖·g/‖g‖; the item is a
 *       candidate when that mixture's argmax differs from y.</li>
 *   <li>Caps rise until there are more candidates than the budget (or the caps run out).</li>
 *   <li>k-means with min(budget, #candidates) clusters on the candidates' normalised features; the member nearest
 *       each centre is picked (cluster order; empty clusters give nothing).</li>
 *   <li>If short, the rest is drawn uniformly without replacement from the unpicked pool (seeded).</li>
 * </ol>
 * Departures: the reference adds 1e-8 to (a_d − x_d) in the denominator, which only matters where that difference
 * is itself ~1e-8 (a numerical artefact); we use the exact limit, which makes the test cost O(C) per anchor instead
 * of O(C·D). The prediction compared against is the head's own argmax at x (equal to argmax of the probabilities
 * when they come from this head). The gradient direction is computed as Σ_{k≠y} q_k(w_k − w_y) with q relative to
 * the runner-up class, so a confident item (softmax rounding to one-hot in float) still has a direction where the
 * reference's float32 autograd would give a zero gradient and a NaN α. {@link Pick#score()} is the cap (α_max·√D) at which the item became a candidate,
 * or NaN for random fill.
 */
public final class AlfaMixStrategy extends InputCheckedStrategy {
    public static final String NAME = "alfamix";

    public AlfaMixStrategy() {
        super(NAME, SelectionInput.Requirement.POOL_FEATURES, SelectionInput.Requirement.LABELED_FEATURES,
                SelectionInput.Requirement.LABELED_CLASSES, SelectionInput.Requirement.CLASSIFIER);
    }
    static final double[] CAPS = {0.2, 0.4, 0.6, 0.8, 1.0};

    /** For one pool item: index into {@link #CAPS} of the first cap that flips it (or -1), and the anchor class. */
    record Flip(int capIndex, int anchorClass, int predicted) {
        static final Flip NONE = new Flip(-1, -1, -1);
    }

    @Override
    Selection selectChecked(SelectionInput in) {
        if (in.labeledFeatures().length == 0) {
            throw new MissingInputException("strategy 'alfamix' needs at least one training-set feature for its anchors");
        }
        int wanted = in.picksWanted();
        float[][] pool = in.normalisedPoolFeatures();
        Flip[] flips = findFlips(pool, anchors(in), in.classifierWeights(), in.logitScale());
        int capIndex = chooseCap(flips, wanted);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < flips.length; i++) {
            if (flips[i].capIndex() >= 0 && flips[i].capIndex() <= capIndex) {
                candidates.add(i);
            }
        }
        SplittableRandom rng = SeededStreams.forInput(in, NAME);
        List<Pick> picks = new ArrayList<>(wanted);
        boolean[] taken = new boolean[pool.length];
        if (!candidates.isEmpty() && wanted > 0) {
            float[][] points = new float[candidates.size()][];
            for (int j = 0; j < points.length; j++) {
                points[j] = pool[candidates.get(j)];
            }
            int k = Math.min(wanted, points.length);
            KMeans.Result clusters = KMeans.fit(points, k, rng);
            int[] nearest = clusters.nearestMembers(points);
            for (int c = 0; c < k; c++) {
                if (nearest[c] < 0) {
                    continue;
                }
                int item = candidates.get(nearest[c]);
                Flip f = flips[item];
                taken[item] = true;
                picks.add(new Pick(item, String.format(Locale.ROOT,
                        "prediction flips from class %d when mixed towards the class %d anchor (α cap %.1f/√D); "
                                + "nearest to k-means centre %d of %d over %d candidates",
                        f.predicted(), f.anchorClass(), CAPS[f.capIndex()], c + 1, k, candidates.size()),
                        null, CAPS[f.capIndex()]));
            }
        }
        int fill = wanted - picks.size();
        if (fill > 0) {
            int[] open = new int[pool.length - picks.size()];
            int m = 0;
            for (int i = 0; i < pool.length; i++) {
                if (!taken[i]) {
                    open[m++] = i;
                }
            }
            for (int j = 0; j < fill; j++) {
                int r = j + rng.nextInt(open.length - j);
                int t = open[j];
                open[j] = open[r];
                open[r] = t;
                picks.add(new Pick(open[j], "random fill: only " + candidates.size()
                        + " items change prediction under mixing", null, Double.NaN));
            }
        }
        return new Selection(NAME, picks);
    }

    /** Smallest cap index whose cumulative candidate count exceeds the budget, else the last cap. */
    static int chooseCap(Flip[] flips, int budget) {
        int[] perCap = new int[CAPS.length];
        for (Flip f : flips) {
            if (f.capIndex() >= 0) {
                perCap[f.capIndex()]++;
            }
        }
        int cumulative = 0;
        for (int c = 0; c < CAPS.length; c++) {
            cumulative += perCap[c];
            if (cumulative > budget) {
                return c;
            }
        }
        return CAPS.length - 1;
    }

    static float[][] anchors(SelectionInput in) {
        float[][] labeled = in.normalisedLabeledFeatures();
        int[] classes = in.labeledClasses();
        int d = labeled[0].length;
        int c = in.classCount();
        double[][] sums = new double[c][d];
        double[] all = new double[d];
        int[] sizes = new int[c];
        for (int i = 0; i < labeled.length; i++) {
            sizes[classes[i]]++;
            for (int j = 0; j < d; j++) {
                sums[classes[i]][j] += labeled[i][j];
                all[j] += labeled[i][j];
            }
        }
        float[][] anchors = new float[c][d];
        for (int k = 0; k < c; k++) {
            double[] s = sizes[k] > 0 ? sums[k] : all;
            int size = sizes[k] > 0 ? sizes[k] : labeled.length;
            for (int j = 0; j < d; j++) {
                anchors[k][j] = (float) (s[j] / size);
            }
        }
        return anchors;
    }

    static Flip[] findFlips(float[][] pool, float[][] anchors, float[][] w, float scale) {
        int n = pool.length;
        int c = w.length;
        int d = w[0].length;
        double[] anchorSq = new double[c];
        for (int k = 0; k < c; k++) {
            anchorSq[k] = Vectors.squaredNorm(anchors[k]);
        }
        double sqrtD = Math.sqrt(d);
        Flip[] flips = new Flip[n];
        Parallel.forRange(n, (from, to) -> {
            double[] wx = new double[c];
            double[] wg = new double[c];
            double[] v = new double[d];
            float[] g = new float[d];
            for (int i = from; i < to; i++) {
                flips[i] = itemFlip(pool[i], anchors, anchorSq, w, scale, sqrtD, wx, wg, v, g);
            }
        });
        return flips;
    }

    private static Flip itemFlip(float[] x, float[][] anchors, double[] anchorSq, float[][] w, float scale,
                                 double sqrtD, double[] wx, double[] wg, double[] v, float[] g) {
        int c = w.length;
        int d = x.length;
        double xSq = Vectors.squaredNorm(x);
        if (xSq == 0) {
            return Flip.NONE;
        }
        for (int k = 0; k < c; k++) {
            wx[k] = Vectors.dot(w[k], x);
        }
        int y = Vectors.argmax(wx);
        if (c < 2) {
            return Flip.NONE;
        }
        // Wᵀ(softmax − e_y) = Σ_{k≠y} q_k (w_k − w_y); only its direction matters, so the weights are taken relative
        // to the runner-up (q_k / q_second), which stays exact where a confident softmax would underflow to e_y.
        double xNorm = Math.sqrt(xSq);
        double second = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < c; k++) {
            if (k != y) {
                second = Math.max(second, wx[k]);
            }
        }
        Arrays.fill(v, 0.0);
        float[] wy = w[y];
        for (int k = 0; k < c; k++) {
            if (k == y) {
                continue;
            }
            double rk = Math.exp((wx[k] - second) * scale / xNorm);
            if (rk != 0) {
                float[] wk = w[k];
                for (int j = 0; j < d; j++) {
                    v[j] += rk * (wk[j] - wy[j]);
                }
            }
        }
        // through the normalisation u = x/‖x‖: ∂/∂x = (I − u uᵀ) v / ‖x‖ (positive factors dropped: only g/‖g‖ is used)
        double uv = 0;
        for (int j = 0; j < d; j++) {
            uv += x[j] * v[j];
        }
        uv /= xSq;
        double gSq = 0;
        for (int j = 0; j < d; j++) {
            double gj = v[j] - x[j] * uv;
            g[j] = (float) gj;
            gSq += gj * gj;
        }
        if (!(gSq > 0)) {
            return Flip.NONE;
        }
        double gNorm = Math.sqrt(gSq);
        for (int k = 0; k < c; k++) {
            wg[k] = Vectors.dot(w[k], g) / gNorm;
        }
        double[] distances = new double[c];
        for (int k = 0; k < c; k++) {
            distances[k] = Math.sqrt(Math.max(0, anchorSq[k] + xSq - 2 * Vectors.dot(anchors[k], x)));
        }
        for (int capIndex = 0; capIndex < CAPS.length; capIndex++) {
            double eps = CAPS[capIndex] / sqrtD;
            for (int a = 0; a < c; a++) {
                double t = eps * distances[a];
                int best = 0;
                double bestValue = wx[0] + t * wg[0];
                for (int k = 1; k < c; k++) {
                    double value = wx[k] + t * wg[k];
                    if (value > bestValue) {
                        bestValue = value;
                        best = k;
                    }
                }
                if (best != y) {
                    return new Flip(capIndex, a, y);
                }
            }
        }
        return Flip.NONE;
    }
}
