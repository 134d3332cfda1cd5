package org.alor.synth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpearmanTest {
    @Test
    void monotoneIsOneReversedIsMinusOne() {
        assertThat(Spearman.rho(new double[] {1, 2, 3, 4}, new double[] {10, 200, 3000, 40000})).isCloseTo(1.0, within(1e-12));
        assertThat(Spearman.rho(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1})).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void tiesGetAverageRanksAsInScipy() {
        // scipy.stats.spearmanr([0.1,0.5,0.5,0.9,0.2],[3,10,40,40,0]).statistic = 0.8157894736842107
        assertThat(Spearman.rho(new double[] {0.1, 0.5, 0.5, 0.9, 0.2}, new double[] {3, 10, 40, 40, 0}))
                .isCloseTo(0.8157894736842105, within(1e-12));
        assertThat(Spearman.ranks(new double[] {5, 1, 5, 2})).containsExactly(3.5, 1, 3.5, 2);
    }

    @Test
    void constantSideIsUndefined() {
        assertThat(Spearman.rho(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
    }
}
