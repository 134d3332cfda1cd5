package org.alor.adapt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ArrayAdamWTest {
    @Test
    void adamWFirstStepMovesEachWeightByTheLearningRateAfterDecay() {
        // After one step m̂ = g and v̂ = g², so the update is lr·g/(|g|+ε) ≈ lr·sign(g), applied after p·(1 − lr·wd).
        ArrayAdamW opt = ArrayAdamW.standard(1, 3);
        float[][] p = {{1f, -2f, 0.5f}};
        float[][] g = {{0.3f, -4f, 0f}};
        double lr = 0.1;
        opt.step(p, g, lr);
        assertThat((double) p[0][0]).isCloseTo(1 * (1 - lr * 0.01) - lr, within(1e-6));
        assertThat((double) p[0][1]).isCloseTo(-2 * (1 - lr * 0.01) + lr, within(1e-6));
        assertThat((double) p[0][2]).isCloseTo(0.5 * (1 - lr * 0.01), within(1e-7));
        assertThat(opt.steps()).isEqualTo(1);
    }

    @Test
    void adamWMatchesAHandComputedSecondStep() {
        ArrayAdamW opt = new ArrayAdamW(1, 1, 0.9, 0.999, 1e-8, 0.0);
        float[][] p = {{0f}};
        opt.step(p, new float[][]{{1f}}, 0.01);
        opt.step(p, new float[][]{{3f}}, 0.01);
        double m = 0.9 * 0.1 + 0.1 * 3;            // 0.39
        double v = 0.999 * 0.001 + 0.001 * 9;      // 0.009999
        double mHat = m / (1 - 0.81);
        double vHat = v / (1 - 0.999 * 0.999);
        double expected = -0.01 - 0.01 * mHat / (Math.sqrt(vHat) + 1e-8);
        assertThat((double) p[0][0]).isCloseTo(expected, within(1e-6));
    }
}
