package org.alor.select;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EntropyAndRandomTest {

    @Test
    void entropyOrdersMostUncertainFirstWithTiesToTheLowerIndex() {
        float[][] p = {
                {1.0f, 0.0f, 0.0f},
                {0.34f, 0.33f, 0.33f},
                {0.5f, 0.5f, 0.0f},
                {0.8f, 0.1f, 0.1f},
                {0.0f, 0.5f, 0.5f}, // same entropy as index 2
        };
        SelectionInput in = SelectionInput.builder(p, new int[3]).budget(4).build();

        Selection s = new EntropyStrategy().select(in);

        assertThat(s.poolIndices()).containsExactly(1, 2, 4, 3);
        double expectedScore = 0.5 * Math.log(0.5 + 1e-6) * 2;
        assertThat(s.picks().get(1).score()).isCloseTo(expectedScore, within(1e-9));
        assertThat(s.picks().get(1).reason()).contains("entropy 0.693");
    }

    /** ln(p + 1e-6) is above 0 for p = 1, so a certain prediction scores +1e-6: its entropy must print as 0.000. */
    @Test
    void aCertainPredictionsEntropyIsNeverPrintedAsNegativeZero() {
        float[][] p = {{1.0f, 0.0f, 0.0f}};
        assertThat(Uncertainty.score(p[0])).isPositive();
        Selection s = new EntropyStrategy().select(SelectionInput.builder(p, new int[3]).budget(1).build());
        assertThat(s.picks().get(0).reason()).endsWith("entropy 0.000");
        assertThat(Uncertainty.formatEntropy(-0.0)).isEqualTo("0.000");
    }

    @Test
    void entropyOnALargePoolUsesTheSameOrderAsAFullSort() {
        java.util.Random r = new java.util.Random(3);
        float[][] p = new float[5000][];
        for (int i = 0; i < p.length; i++) {
            p[i] = RandomInputs.probabilityRow(r, 4, i % 7 == 0); // many exact duplicates → ties
        }
        SelectionInput in = SelectionInput.builder(p, new int[4]).budget(30).build();
        double[] scores = Uncertainty.scores(p);

        int[] full = Ranking.ascending(scores);

        assertThat(new EntropyStrategy().select(in).poolIndices()).containsExactly(java.util.Arrays.copyOf(full, 30));
    }

    @Test
    void randomRepeatsForTheSameSeedAndRoundAndDiffersAcrossRoundsAndSeeds() {
        float[][] p = new float[200][];
        for (int i = 0; i < p.length; i++) {
            p[i] = new float[]{0.5f, 0.5f};
        }
        SelectionInput.Builder b = SelectionInput.builder(p, new int[2]).budget(20).seed(666);
        RandomStrategy random = new RandomStrategy();

        int[] first = random.select(b.round(1).build()).poolIndices();
        int[] again = random.select(b.round(1).build()).poolIndices();
        int[] nextRound = random.select(b.round(2).build()).poolIndices();
        int[] otherSeed = random.select(b.round(1).seed(777).build()).poolIndices();

        assertThat(again).containsExactly(first);
        assertThat(nextRound).isNotEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first).doesNotHaveDuplicates();
        assertThat(java.util.Arrays.stream(first).boxed()).allMatch(i -> i >= 0 && i < 200);
    }
}
