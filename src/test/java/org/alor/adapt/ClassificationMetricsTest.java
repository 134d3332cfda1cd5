package org.alor.adapt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClassificationMetricsTest {
    @Test
    void accuracyMacroF1AndPerClassMatchAHandComputedCase() {
        // truth:     0 0 1 1 2
        // predicted: 0 1 1 1 3   (class 3 only predicted, never true)
        ClassificationMetrics m = ClassificationMetrics.of(new int[] {0, 0, 1, 1, 2}, new int[] {0, 1, 1, 1, 3}, 5);
        assertThat(m.accuracy()).isCloseTo(3 / 5.0, within(1e-12));
        // F1: c0 p=1 r=.5 -> 2/3; c1 p=2/3 r=1 -> .8; c2 0; c3 0; class 4 absent from truth ∪ prediction.
        assertThat(m.macroF1()).isCloseTo((2 / 3.0 + 0.8) / 4, within(1e-12));
        assertThat(m.perClass()[0]).isEqualTo(0.5);
        assertThat(m.perClass()[1]).isEqualTo(1.0);
        assertThat(m.perClass()[4]).isNaN();
        assertThat(m.confusion()[2][3]).isEqualTo(1);
        assertThat(m.support()).containsExactly(2, 2, 1, 0, 0);
    }

    @Test
    void argmaxBreaksTiesTowardsTheLowerIndex() {
        assertThat(ClassificationMetrics.argmax(new float[][] {{0.2f, 0.4f, 0.4f}, {1f, 0f, 1f}})).containsExactly(1, 0);
    }
}
