package org.alor.adapt.train;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LearningRateScheduleTest {
    private static final Percentage EXACT = Percentage.withPercentage(1e-9);

    @Test
    void alorWarmupStartsAt1eMinus6ThenRisesLinearlyToTheBaseRate() {
        WarmupCosineSchedule s = WarmupCosineSchedule.alor(10, 50); // T = 500
        double base = 1e-4;
        assertThat(s.totalIterations()).isEqualTo(500);
        assertThat(s.learningRate(0, base)).isCloseTo(1e-6, EXACT);
        assertThat(s.learningRate(1, base)).isCloseTo(base / 50, EXACT);
        assertThat(s.learningRate(49, base)).isCloseTo(base * 49 / 50, EXACT);
        assertThat(s.learningRate(50, base)).isCloseTo(base, EXACT);
    }

    @Test
    void alorCosineDecaysTowards1eMinus9OverTheWholeRun() {
        WarmupCosineSchedule s = WarmupCosineSchedule.alor(10, 50);
        double base = 1e-4;
        double min = 1e-9;
        // T/2 = 250 is 200 iterations into the cosine: cos(π·200/500) = cos(2π/5) = (√5 − 1)/4.
        double cos2PiOver5 = (Math.sqrt(5) - 1) / 4;
        assertThat(s.learningRate(250, base)).isCloseTo(min + (base - min) * (1 + cos2PiOver5) / 2, EXACT);
        // T−1 = 499 is 449 into the cosine: (1 + cos(π·449/500))/2 = sin²(π·51/1000).
        double tail = Math.pow(Math.sin(Math.PI * 51 / 1000), 2);
        assertThat(s.learningRate(499, base)).isCloseTo(min + (base - min) * tail, EXACT);
        assertThat(s.learningRate(499, base)).isGreaterThan(min).isLessThan(s.learningRate(498, base));
    }

    @Test
    void everyGroupGetsItsOwnBaseAfterTheSharedFirstStep() {
        WarmupCosineSchedule s = WarmupCosineSchedule.alor(4, 50);
        // The reference's first step is 1e-6 for every group, then base·i/W.
        assertThat(s.learningRate(0, 1e-6)).isCloseTo(1e-6, EXACT);
        assertThat(s.learningRate(1, 1e-6)).isCloseTo(1e-6 / 50, EXACT);
        assertThat(s.learningRate(50, 1e-6)).isCloseTo(1e-6, EXACT);
    }

    @Test
    void coopPromptTuningHasOneConstantEpochThenPerEpochCosineOfPeriod200Of50() {
        ConstantWarmupCosineSchedule s = ConstantWarmupCosineSchedule.coop(5);
        double base = 0.002;
        for (int i = 0; i < 5; i++) assertThat(s.learningRate(i, base)).isEqualTo(1e-5);
        for (int i = 5; i < 10; i++) assertThat(s.learningRate(i, base)).isCloseTo(base, EXACT);
        // epoch 26 is 25 epochs into a cosine of period 200: (1 + cos(π/8))/2
        assertThat(s.learningRate(26 * 5, base)).isCloseTo(base * (1 + Math.cos(Math.PI / 8)) / 2, EXACT);
        // last epoch 49 is 48 into it: (1 + cos(π·48/200))/2 ≈ 0.8645, so the rate ends near 0.0017, not 0
        double last = base * (1 + Math.cos(Math.PI * 48 / 200)) / 2;
        assertThat(s.learningRate(49 * 5, base)).isCloseTo(last, EXACT);
        assertThat(s.learningRate(49 * 5 + 4, base)).isCloseTo(last, EXACT);
        assertThat(last).isCloseTo(0.001729, Percentage.withPercentage(0.1));
    }

    @Test
    void coopCosinePeriodIs200EpochsWhateverTheNumberOfEpochsRun() {
        // the reference's T_max is its config's MAX_EPOCH (200), independent of the 50 epochs its trainer runs
        ConstantWarmupCosineSchedule s = ConstantWarmupCosineSchedule.coop(3);
        assertThat(s.periodEpochs()).isEqualTo(200);
        assertThat(s.learningRate(9 * 3, 1.0)).isCloseTo((1 + Math.cos(Math.PI * 8 / 200)) / 2, EXACT);
        assertThat(s.learningRate(3, 1.0)).isCloseTo(1.0, EXACT);
        assertThat(s.learningRate(0, 1.0)).isEqualTo(1e-5);
        assertThat(ConstantWarmupCosineSchedule.coop(3, 2).learningRate(2 * 3, 1.0)).isCloseTo(1.0, EXACT);
    }

    @Test
    void ratesAreHandedOutPerGroup() {
        ParameterOptimizer optimizer = new ParameterOptimizer() {
            public java.util.List<ParameterGroup> groups() {
                return java.util.List.of(new ParameterGroup("towers", java.util.List.of(), 1e-6, 0.01),
                        new ParameterGroup("scale", java.util.List.of(), 1e-4, 0.01));
            }
            public void step(double[] rates) { }
            public void zeroGradients() { }
            public long stepCount() { return 0; }
            public void close() { }
        };
        assertThat(WarmupCosineSchedule.alor(10, 50).learningRates(50, optimizer)).containsExactly(1e-6, 1e-4);
        assertThat(LearningRateSchedule.constant().learningRates(7, optimizer)).containsExactly(1e-6, 1e-4);
    }
}
