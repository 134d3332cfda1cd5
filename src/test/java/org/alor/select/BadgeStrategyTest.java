package org.alor.select;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BadgeStrategyTest {

    @Test
    void firstPickHasTheLargestGradientNormOnNormalisedFeatures() {
        float[][] p = {
                {0.8f, 0.1f, 0.1f},    // ‖a‖² = 0.06
                {0.34f, 0.33f, 0.33f}, // ‖a‖² = 0.6534 (largest)
                {0.6f, 0.2f, 0.2f},    // ‖a‖² = 0.24
                {0.1f, 0.1f, 0.8f},    // ‖a‖² = 0.06
        };
        float[][] features = {{100f, 0f}, {0f, 1f}, {1f, 1f}, {0.3f, -2f}}; // raw norm would favour item 0
        SelectionInput in = SelectionInput.builder(p, new int[3]).poolFeatures(features).budget(3).seed(5).build();

        Selection s = new BadgeStrategy().select(in);

        assertThat(s.poolIndices()[0]).isEqualTo(1);
        assertThat(s.picks().get(0).score()).isCloseTo(0.66 * 0.66 + 2 * 0.33 * 0.33, within(1e-6));
        assertThat(s.poolIndices()).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void itemsIdenticalToAChosenSeedAreNeverDrawnWhileOthersRemain() {
        float[][] p = new float[6][];
        float[][] f = new float[6][];
        for (int i = 0; i < 6; i++) {
            p[i] = new float[]{0.4f, 0.6f};
            f[i] = new float[]{1f, 0f};
        }
        p[5] = new float[]{0.9f, 0.1f};
        f[5] = new float[]{0f, 1f};
        SelectionInput in = SelectionInput.builder(p, new int[2]).poolFeatures(f).budget(2).seed(1).build();

        // items 0..4 share one gradient embedding: after the first seed (item 0, lowest index of the largest
        // norm) they sit at D² = 0, so the second seed must be item 5
        assertThat(new BadgeStrategy().select(in).poolIndices()).containsExactly(0, 5);
    }

    @RepeatedTest(5)
    void factorisedDistanceEqualsTheMaterialisedOne(RepetitionInfo info) {
        Random r = new Random(info.getCurrentRepetition());
        int n = 7;
        int c = 2 + r.nextInt(5);
        int d = 1 + r.nextInt(6);
        float[][] probabilities = RandomInputs.probabilities(r, n, c);
        float[][] features = Vectors.normalisedRows(RandomInputs.gaussian(r, n, d));
        GradientEmbeddings g = new GradientEmbeddings(features, probabilities);

        for (int i = 0; i < n; i++) {
            float[] gi = g.materialise(i);
            assertThat(g.squaredNorm(i)).isCloseTo(Vectors.squaredNorm(gi), within(1e-5));
            for (int j = 0; j < n; j++) {
                double want = Vectors.squaredDistance(gi, g.materialise(j));
                assertThat(g.squaredDistance(i, j)).as("pair %d,%d", i, j).isCloseTo(want, within(1e-5));
            }
        }
    }

    @Test
    void materialisedBlocksFollowTheBadgeDefinition() {
        float[][] p = {{0.7f, 0.2f, 0.1f}};
        float[][] f = {{0.6f, 0.8f}};
        float[] g = new GradientEmbeddings(f, p).materialise(0);

        // block c = f · (1[c = argmax] − p_c)
        assertThat(g).containsExactly(new float[]{0.6f * 0.3f, 0.8f * 0.3f, 0.6f * -0.2f, 0.8f * -0.2f,
                0.6f * -0.1f, 0.8f * -0.1f}, within(1e-6f));
    }
}
