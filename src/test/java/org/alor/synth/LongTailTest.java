package org.alor.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LongTailTest {
    @Test
    void hasALongTailWithNearlyAbsentSpecies() {
        LongTail t = LongTail.of(24, 9000, 7);
        assertThat(Arrays.stream(t.counts()).sum()).isEqualTo(9000);
        int[] sorted = t.counts().clone();
        Arrays.sort(sorted);
        int top = sorted[23], median = (sorted[11] + sorted[12]) / 2;
        assertThat(top).isGreaterThan(8 * median);
        assertThat(Arrays.stream(sorted).filter(n -> n <= 3).count()).isBetween(1L, 4L);
        assertThat(sorted[0]).isLessThanOrEqualTo(3);
    }

    @Test
    void countsFallWithRankAndRanksAreAPermutationIndependentOfIds() {
        LongTail t = LongTail.of(24, 9000, 7);
        int[] byRank = new int[25];
        for (int s = 0; s < 24; s++) byRank[t.ranks()[s]] = t.counts()[s];
        for (int r = 2; r <= 24 - 3; r++) assertThat(byRank[r]).isLessThanOrEqualTo(byRank[r - 1]);
        assertThat(Arrays.stream(t.ranks()).sorted().toArray()).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 24).toArray());
        assertThat(t.ranks()).isNotEqualTo(java.util.stream.IntStream.rangeClosed(1, 24).toArray());
        assertThat(LongTail.of(24, 9000, 8).ranks()).isNotEqualTo(t.ranks());
    }

    @Test
    void zipfExponentShowsInTheHead() {
        LongTail t = LongTail.of(24, 9000, 7);
        int[] byRank = new int[25];
        for (int s = 0; s < 24; s++) byRank[t.ranks()[s]] = t.counts()[s];
        assertThat((double) byRank[1] / byRank[2]).isCloseTo(Math.pow(2, 1.1), org.assertj.core.data.Offset.offset(0.05));
        assertThat((double) byRank[1] / byRank[10]).isCloseTo(Math.pow(10, 1.1), org.assertj.core.data.Offset.offset(0.5));
    }
}
