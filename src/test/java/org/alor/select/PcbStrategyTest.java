package org.alor.select;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PcbStrategyTest {

    @Test
    void drawsOnlyFromTheRarestPredictedClassWhileItHasCandidates() {
        Random r = new Random(11);
        int n = 40;
        float[][] p = new float[n][];
        for (int i = 0; i < n; i++) {
            p[i] = i < 2 ? new float[]{0.7f, 0.2f, 0.1f} : new float[]{0.2f, 0.7f, 0.1f};
        }
        SelectionInput in = SelectionInput.builder(p, new int[]{50, 0, 50})
                .poolFeatures(RandomInputs.gaussian(r, n, 8)).budget(2).seed(3).build();

        Selection s = new PcbStrategy().select(in);

        // 4 BADGE candidates, at most 2 predicted as class 0: at least 2 are class 1, the rarest throughout
        assertThat(s.picks()).extracting(Pick::servedClass).containsExactly(1, 1);
        assertThat(java.util.Arrays.stream(s.poolIndices()).boxed()).allMatch(i -> i >= 2);
        assertThat(s.picks().get(0).reason()).startsWith("rarest class 1 (count 0)");
    }

    @Test
    void aRarestClassWithoutCandidatesFallsBackToRandomCandidates() {
        Random r = new Random(12);
        int n = 30;
        float[][] p = RandomInputs.probabilities(r, n, 3);
        for (float[] row : p) { // nothing predicted as class 2
            row[0] += row[2];
            row[2] = 0f;
        }
        SelectionInput in = SelectionInput.builder(p, new int[]{5, 5, 0})
                .poolFeatures(RandomInputs.gaussian(r, n, 4)).budget(5).seed(4).build();

        Selection s = new PcbStrategy().select(in);

        assertThat(s.picks()).allSatisfy(pick -> {
            assertThat(pick.servedClass()).isNull();
            assertThat(pick.reason()).contains("rarest class 2 (count 0) has no BADGE candidate");
        });
        assertThat(s.poolIndices()).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void everyPickIsABadgeCandidateChosenByTheRarestClassRule() {
        for (long seed = 0; seed < 5; seed++) {
            SelectionInput in = RandomInputs.full(seed, 120, 5, 6, 0, 7);
            int m = PcbStrategy.candidateCount(in.poolSize(), in.picksWanted());
            List<Integer> candidates = new ArrayList<>();
            for (Pick p : BadgeStrategy.seeds(in, m, SeededStreams.forInput(in, PcbStrategy.NAME))) {
                candidates.add(p.poolIndex());
            }
            int[] predicted = Uncertainty.predictions(in.probabilities());
            long[] counts = new long[in.classCount()];
            for (int k = 0; k < counts.length; k++) {
                counts[k] = in.classCounts()[k];
            }
            Set<Integer> remaining = new HashSet<>(candidates);

            Selection s = new PcbStrategy().select(in);

            assertThat(m).isEqualTo(12);
            assertThat(s.size()).isEqualTo(7);
            for (Pick pick : s.picks()) {
                int rarest = 0;
                for (int k = 1; k < counts.length; k++) {
                    if (counts[k] < counts[rarest]) {
                        rarest = k;
                    }
                }
                final int rc = rarest;
                boolean available = remaining.stream().anyMatch(i -> predicted[i] == rc);
                assertThat(remaining).contains(pick.poolIndex());
                if (available) {
                    assertThat(predicted[pick.poolIndex()]).isEqualTo(rarest);
                    assertThat(pick.servedClass()).isEqualTo(rarest);
                    counts[rarest]++;
                } else {
                    assertThat(pick.servedClass()).isNull();
                }
                remaining.remove(pick.poolIndex());
            }
        }
    }
}
