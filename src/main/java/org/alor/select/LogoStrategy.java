package org.alor.select;

import java.util.ArrayList;
import java.util.List;

/**
 * LoGo: embedding e(x) = f(x)·(1 − max p) with f the L2-normalised feature; seeded k-means into min(C, N)
 * clusters; then picks in layers: layer 1 = each non-empty cluster's most uncertain member (lowest
 * Σ p·ln(p + 1e-6)), layer 2 = each cluster's next most uncertain, and so on. Within a layer the picks are ordered
 * most uncertain first (ties → lower index), and the selection stops at min(budget, N) — so a budget below C
 * keeps the most uncertain cluster representatives. {@link Pick#score()} is the uncertainty score.
 */
public final class LogoStrategy extends InputCheckedStrategy {
    public static final String NAME = "logo";

    public LogoStrategy() {
        super(NAME, SelectionInput.Requirement.POOL_FEATURES);
    }

    @Override
    Selection selectChecked(SelectionInput in) {
        int n = in.poolSize();
        int wanted = in.picksWanted();
        List<Pick> picks = new ArrayList<>(wanted);
        if (wanted == 0) {
            return new Selection(NAME, picks);
        }
        float[][] features = in.normalisedPoolFeatures();
        float[][] probabilities = in.probabilities();
        float[][] embedding = new float[n][];
        Parallel.forRange(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                float scale = 1f - probabilities[i][Vectors.argmax(probabilities[i])];
                float[] e = features[i].clone();
                for (int j = 0; j < e.length; j++) {
                    e[j] *= scale;
                }
                embedding[i] = e;
            }
        });
        int k = Math.min(in.classCount(), n);
        KMeans.Result clusters = KMeans.fit(embedding, k, SeededStreams.forInput(in, NAME));
        double[] scores = Uncertainty.scores(probabilities);
        int[][] members = membersMostUncertainFirst(clusters.assignment(), k, scores);
        for (int layer = 0; picks.size() < wanted; layer++) {
            List<Integer> layerItems = new ArrayList<>();
            List<Integer> layerClusters = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                if (layer < members[c].length) {
                    layerItems.add(members[c][layer]);
                    layerClusters.add(c);
                }
            }
            int[] items = layerItems.stream().mapToInt(Integer::intValue).toArray();
            int[] clusterOf = new int[n];
            for (int j = 0; j < items.length; j++) {
                clusterOf[items[j]] = layerClusters.get(j);
            }
            for (int item : Ranking.ascending(scores, items)) {
                if (picks.size() == wanted) {
                    break;
                }
                int c = clusterOf[item];
                String which = layer == 0 ? "most uncertain" : "next most uncertain (#" + (layer + 1) + ")";
                picks.add(new Pick(item, "cluster " + c + " of " + k + " (" + members[c].length + " items): " + which
                        + "; entropy " + Uncertainty.formatEntropy(scores[item]), null, scores[item]));
            }
        }
        return new Selection(NAME, picks);
    }

    private static int[][] membersMostUncertainFirst(int[] assignment, int k, double[] scores) {
        int[] sizes = new int[k];
        for (int a : assignment) {
            sizes[a]++;
        }
        int[][] members = new int[k][];
        for (int c = 0; c < k; c++) {
            members[c] = new int[sizes[c]];
        }
        int[] fill = new int[k];
        for (int i = 0; i < assignment.length; i++) {
            members[assignment[i]][fill[assignment[i]]++] = i;
        }
        for (int c = 0; c < k; c++) {
            members[c] = Ranking.ascending(scores, members[c]);
        }
        return members;
    }
}
