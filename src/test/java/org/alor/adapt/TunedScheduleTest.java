package org.alor.adapt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The FT/CT schedule as the reference's set_optimizer builds it from the tower learning rate. */
class TunedScheduleTest {

    @Test
    void theFirstWarmupStepIs1eMinus6UnlessTheTowerRateExceeds5eMinus5() {
        // reference: warmup_lr = 1e-5 if args.lr_backbone > 5e-5 else 1e-6, for every group
        TuningConfig paper = TuningConfig.ct();
        assertThat(TunedTraining.schedule(paper, 1000).learningRate(0, 1e-4)).isEqualTo(1e-6);
        assertThat(TunedTraining.schedule(paper.withEncoderLr(5e-5), 1000).learningRate(0, 1e-4)).isEqualTo(1e-6);
        TuningConfig fast = paper.withEncoderLr(1e-4);
        assertThat(TunedTraining.schedule(fast, 1000).learningRate(0, 1e-4)).isEqualTo(1e-5);
        assertThat(TunedTraining.schedule(fast, 1000).learningRate(0, 1e-3)).isEqualTo(1e-5);
        // the ramp after the first step does not depend on it
        assertThat(TunedTraining.schedule(fast, 1000).learningRate(25, 1e-4)).isEqualTo(1e-4 * 25 / 50);
    }
}
