package org.alor.select;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Every strategy: exactly min(budget, N) distinct pool indices, deterministic for the same input. */
class StrategyProperties {

    @Property(tries = 60)
    void everyStrategyReturnsExactlyMinBudgetNDistinctPoolIndices(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 40) int n,
            @ForAll @IntRange(min = 1, max = 6) int c,
            @ForAll @IntRange(min = 1, max = 5) int d,
            @ForAll @IntRange(min = 1, max = 10) int m,
            @ForAll @IntRange(min = 0, max = 50) int budget) {
        SelectionInput in = RandomInputs.full(seed, n, c, d, m, budget);
        for (String name : Strategies.NAMES) {
            SelectionStrategy strategy = Strategies.byName(name);

            int[] picks = strategy.select(in).poolIndices();

            assertThat(picks).as(name).hasSize(Math.min(budget, n)).doesNotHaveDuplicates();
            assertThat(Arrays.stream(picks).allMatch(i -> i >= 0 && i < n)).as(name + " in pool").isTrue();
            assertThat(strategy.select(in).poolIndices()).as(name + " deterministic").containsExactly(picks);
        }
    }

    @Property(tries = 30)
    void strategiesCopeWithDuplicateItemsAndPeakedPredictions(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 30) int n,
            @ForAll @IntRange(min = 0, max = 30) int budget) {
        // every pool item identical and one-hot: degenerate distances, zero gradients, all ties
        float[][] p = new float[n][];
        float[][] f = new float[n][];
        for (int i = 0; i < n; i++) {
            p[i] = new float[]{1f, 0f, 0f};
            f[i] = new float[]{0.5f, -0.5f};
        }
        SelectionInput in = SelectionInput.builder(p, new int[]{3, 1, 2}).poolFeatures(f)
                .labeled(new float[][]{{0.5f, -0.5f}}, new int[]{0})
                .classifier(new float[][]{{1f, 0f}, {0f, 1f}, {-1f, 0f}}, 100f)
                .budget(budget).seed(seed).build();
        for (String name : Strategies.NAMES) {
            int[] picks = Strategies.byName(name).select(in).poolIndices();

            assertThat(picks).as(name).hasSize(Math.min(budget, n)).doesNotHaveDuplicates();
            assertThat(Arrays.stream(picks).allMatch(i -> i >= 0 && i < n)).as(name + " in pool").isTrue();
        }
    }
}
