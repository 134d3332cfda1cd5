package org.alor.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 17 item 11: which class pairs the model confuses, and which classes lost most when accuracy fell. */
class ConfusionPairsTest {
    @Test
    void mistakesAreCountedPerTrueAndPredictedClassMostFirst() {
        long[] ids = {10, 11, 12, 13, 14, 15, 16, 17};
        int[] truth = {3, 3, 3, 3, 0, 0, 1, 1};
        int[] predicted = {4, 4, 3, 1, 1, 0, 1, 0};
        List<ConfusedPair> pairs = ConfusionPairs.top(ids, truth, predicted, 10);
        assertThat(pairs).extracting(p -> p.trueClass() + "->" + p.predictedClass() + " x" + p.count())
                .containsExactly("3->4 x2", "0->1 x1", "1->0 x1", "3->1 x1");
        assertThat(pairs.get(0).share()).isEqualTo(0.5);
        assertThat(pairs.get(0).sampleIds()).containsExactly(10L, 11L);
        assertThat(pairs.get(1).share()).as("one of class 0's two images").isEqualTo(0.5);
        assertThat(pairs.get(3).share()).isEqualTo(0.25);
        assertThat(ConfusionPairs.top(ids, truth, predicted, 1)).hasSize(1);
        assertThat(ConfusionPairs.top(new long[0], new int[0], new int[0], 5)).isEmpty();
    }

    @Test
    void inputsOfDifferentLengthsAreRefused() {
        assertThatThrownBy(() -> ConfusionPairs.top(new long[2], new int[2], new int[1], 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
    }

    @Test
    void aRoundThatFellNamesTheClassesThatLostMost() {
        TreeMap<Integer, Double> overall = new TreeMap<>(Map.of(1, 0.731, 2, 0.690, 3, 0.75));
        Map<Integer, Map<Integer, Double>> perClass = Map.of(
                0, Map.of(1, 0.8, 2, 0.9, 3, 0.9),
                1, Map.of(1, 0.7, 2, 0.2, 3, 0.7),
                2, Map.of(1, 0.6, 2, 0.5, 3, 0.6),
                3, Map.of(1, 0.6, 2, 0.3, 3, 0.6));
        List<AccuracyDrops.Drop> drops = AccuracyDrops.find(overall, perClass, 2);
        assertThat(drops).hasSize(1);
        AccuracyDrops.Drop d = drops.get(0);
        assertThat(d.round()).isEqualTo(2);
        assertThat(d.previous()).isEqualTo(1);
        assertThat(d.before()).isEqualTo(0.731);
        assertThat(d.lostMost()).extracting(AccuracyDrops.ClassLoss::classId).containsExactly(1, 3);
    }
}
