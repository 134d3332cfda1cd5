package org.alor.select;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LogoStrategyTest {

    /**
     * Three tight clusters of four items (directions e0, e1, e2 with small noise), one per class; inside each
     * cluster the items' uncertainty differs. Max probabilities stay within 0.5–0.6 so the (1 − max p) scaling
     * keeps the clusters apart.
     */
    private static SelectionInput threeClusters(int budget) {
        Random r = new Random(9);
        float[][] f = new float[12][];
        float[][] p = new float[12][];
        float[][] spreads = {{0.52f, 0.30f, 0.18f}, {0.55f, 0.40f, 0.05f}, {0.58f, 0.21f, 0.21f}, {0.60f, 0.39f, 0.01f}};
        for (int i = 0; i < 12; i++) {
            int cluster = i / 4;
            f[i] = new float[3];
            for (int j = 0; j < 3; j++) {
                f[i][j] = (float) (0.01 * r.nextGaussian()) + (j == cluster ? 1f : 0f);
            }
            float[] s = spreads[(i + cluster) % 4];
            p[i] = new float[3];
            p[i][cluster] = s[0];
            p[i][(cluster + 1) % 3] = s[1];
            p[i][(cluster + 2) % 3] = s[2];
        }
        return SelectionInput.builder(p, new int[3]).poolFeatures(f).budget(budget).seed(2).build();
    }

    private static int mostUncertain(double[] scores, int from, int skip) {
        int best = -1;
        for (int i = from; i < from + 4; i++) {
            if (i != skip && (best < 0 || scores[i] < scores[best])) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void takesTheMostUncertainItemOfEachCluster() {
        SelectionInput in = threeClusters(3);
        double[] scores = Uncertainty.scores(in.probabilities());

        Selection s = new LogoStrategy().select(in);

        assertThat(s.poolIndices()).containsExactlyInAnyOrder(
                mostUncertain(scores, 0, -1), mostUncertain(scores, 4, -1), mostUncertain(scores, 8, -1));
        assertThat(s.picks()).allSatisfy(pick -> assertThat(pick.reason()).contains("most uncertain"));
    }

    @Test
    void topsUpWithTheNextMostUncertainPerCluster() {
        SelectionInput in = threeClusters(5);
        double[] scores = Uncertainty.scores(in.probabilities());

        int[] picks = new LogoStrategy().select(in).poolIndices();

        int[] firsts = {mostUncertain(scores, 0, -1), mostUncertain(scores, 4, -1), mostUncertain(scores, 8, -1)};
        assertThat(java.util.Arrays.copyOf(picks, 3)).containsExactlyInAnyOrder(firsts);
        int[] seconds = {mostUncertain(scores, 0, firsts[0]), mostUncertain(scores, 4, firsts[1]),
                mostUncertain(scores, 8, firsts[2])};
        int[] expectedTopUp = Ranking.ascending(scores, seconds);
        assertThat(java.util.Arrays.copyOfRange(picks, 3, 5)).containsExactly(expectedTopUp[0], expectedTopUp[1]);
    }
}
