package org.alor.select;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TailFirstStrategyTest {

    static List<TfsFixtures.Case> fixtureCases() {
        return TfsFixtures.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureCases")
    void reproducesTheReferenceSelection(TfsFixtures.Case c) {
        SelectionInput in = SelectionInput.builder(c.probabilities(), c.classCounts()).budget(c.budget()).build();

        Selection s = new TailFirstStrategy().select(in);

        assertThat(s.poolIndices()).containsExactly(c.expected());
    }

    @Test
    void fixturesAreAllPresent() {
        assertThat(fixtureCases()).hasSize(3);
    }

    @Test
    void equalCountsGiveRoundRobinByClassIdMostUncertainFirst() {
        float[][] p = {
                {0.9f, 0.05f, 0.05f}, // 0: class 0, confident
                {0.5f, 0.25f, 0.25f}, // 1: class 0, uncertain
                {0.1f, 0.8f, 0.1f},   // 2: class 1
                {0.1f, 0.1f, 0.8f},   // 3: class 2
                {0.2f, 0.2f, 0.6f},   // 4: class 2, more uncertain
        };
        SelectionInput in = SelectionInput.builder(p, new int[]{4, 4, 4}).budget(5).build();

        Selection s = new TailFirstStrategy().select(in);

        assertThat(s.poolIndices()).containsExactly(1, 2, 4, 0, 3);
        assertThat(s.picks()).extracting(Pick::servedClass).containsExactly(0, 1, 2, 0, 2);
    }

    @Test
    void aVeryRareClassTakesSeveralPicksAndClassesWithoutPredictionsAreSkipped() {
        float[][] p = {
                {0.7f, 0.2f, 0.1f},
                {0.6f, 0.3f, 0.1f},
                {0.8f, 0.1f, 0.1f},
                {0.1f, 0.8f, 0.1f},
        };
        // class 2 is rarest but nothing is predicted as it; class 0 (count 1) is served until it exceeds class 1
        // (count 3): at 3 vs 3 the lower class id wins
        SelectionInput in = SelectionInput.builder(p, new int[]{1, 3, 0}).budget(4).build();

        Selection s = new TailFirstStrategy().select(in);

        assertThat(s.poolIndices()).containsExactly(1, 0, 2, 3);
        assertThat(s.picks().get(0).reason()).startsWith("tail class 0 — count 1 at pick time; entropy ");
        assertThat(s.picks().get(2).reason()).startsWith("tail class 0 — count 3").doesNotContain("class 1");
    }

    @Test
    void budgetAbovePoolSizeTakesTheWholePool() {
        float[][] p = {{0.5f, 0.5f}, {0.3f, 0.7f}};
        SelectionInput in = SelectionInput.builder(p, new int[]{0, 0}).budget(10).build();

        assertThat(new TailFirstStrategy().select(in).poolIndices()).containsExactlyInAnyOrder(0, 1);
    }
}
