package org.alor.loop.estimate;

import org.alor.clip.ClipModelFactory;
import org.alor.loop.Method;
import org.alor.select.Strategies;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EstimatorTest {
    /** 10 classes; pool 1,000, val 200, test 300, retrieved 500, 20 labeled, 4,000 matched captions; ViT-B/32. */
    private static final ProjectSizes SIZES = new ProjectSizes(10, 1000, 200, 300, 500, 20, 4000,
            ClipModelFactory.vitB32QuickGelu());
    private static final StageRates FP32 = new StageRates(100, 1000, 20, 10, 0.5, 10);
    private static final StageRates BF16 = new StageRates(400, 4000, 80, 40, 0.25, 10);

    private static DeviceRates rates(StageRates bf16) {
        // LP: 10,000 samples/s at 10 classes × 512
        return new DeviceRates("test", "injected", "2026-12-03T00:00:00Z", FP32, bf16, bf16 == null ? "no bf16 here" : "",
                10_000, 10, 512, 0, List.of());
    }

    @Test
    void embeddingAndRankingAreSizesOverTheEncodersRates() {
        Estimator e = new Estimator(SIZES, rates(BF16));
        assertThat(e.embedding().fp32Seconds()).isEqualTo(2000 / 100.0);
        assertThat(e.embedding().bf16Seconds()).isEqualTo(2000 / 400.0);
        assertThat(e.ranking().fp32Seconds()).isEqualTo(4000 / 1000.0);
        assertThat(e.ranking().bf16Seconds()).isEqualTo(4000 / 4000.0);
    }

    @Test
    void unknownCaptionsAndAbsentBf16AreNotGuessed() {
        ProjectSizes noScan = new ProjectSizes(10, 1000, 200, 300, 0, 0, -1, SIZES.clip());
        Estimator e = new Estimator(noScan, rates(null));
        assertThat(e.ranking().known()).isFalse();
        assertThat(e.ranking().note()).contains("alor retrieve");
        assertThat(e.embedding().bf16Seconds()).isNaN();
        assertThat(e.embedding().note()).contains("no retrieved images");
        // round 0 without labels trains on one image per class
        assertThat(e.labeledNextRound()).isEqualTo(10);
    }

    @Test
    void lpRoundIsEpochsTimesTrainingImagesAndRdaAddsTheRetrieved() {
        Estimator e = new Estimator(SIZES, rates(BF16));
        StageTime on = e.round(new MethodPlan(Method.LP, 10, 128), 20, true);
        assertThat(on.fp32Seconds()).isCloseTo(10 * 520 / 10_000.0, within(1e-9));
        assertThat(on.bf16Seconds()).isEqualTo(on.fp32Seconds());
        assertThat(on.work()).contains("520 images").contains("20 labeled + 500 retrieved, RDA on");
        StageTime off = e.round(new MethodPlan(Method.LP, 20, 128), 20, false);
        assertThat(off.fp32Seconds()).isCloseTo(20 * 20 / 10_000.0, within(1e-9));
        assertThat(off.work()).contains("RDA off");
        // LP's cost grows with classes × width: the same rate measured at 5 classes is half as fast per class
        DeviceRates at5 = new DeviceRates("t", "i", "2026-12-03T00:00:00Z", FP32, null, "", 10_000, 5, 512, 0, List.of());
        assertThat(new Estimator(SIZES, at5).round(new MethodPlan(Method.LP, 10, 128), 20, true).fp32Seconds())
                .isCloseTo(2 * on.fp32Seconds(), within(1e-9));
    }

    @Test
    void ftAndCtTrainTheImagesEachEpochReencodeValAndThenTestAndPool() {
        Estimator e = new Estimator(SIZES, rates(BF16));
        double ft = e.round(new MethodPlan(Method.FT, 2, 128), 20, true).fp32Seconds();
        assertThat(ft).isCloseTo(2 * (520 / 20.0 + 200 / 100.0) + 1300 / 100.0 + 10 / 1000.0, within(1e-9));
        double ct = e.round(new MethodPlan(Method.CT, 4, 128), 20, false).bf16Seconds();
        assertThat(ct).isCloseTo(4 * (20 / 40.0 + 200 / 400.0) + 1300 / 400.0 + 10 / 4000.0, within(1e-9));
    }

    @Test
    void ptStepsAreBatchesPerEpochAtTheProjectsClassCount() {
        Estimator e = new Estimator(SIZES, rates(BF16));
        // 520 images at batch 32 = 17 steps (the last one partial) of 0.5 s, plus val scoring from 10 prompts
        double pt = e.round(new MethodPlan(Method.PT, 3, 32), 20, true).fp32Seconds();
        assertThat(pt).isCloseTo(3 * (17 * 0.5 + 10 / 1000.0), within(1e-9));
        ProjectSizes twice = new ProjectSizes(20, 1000, 200, 300, 500, 20, 4000, SIZES.clip());
        double pt20 = new Estimator(twice, rates(BF16)).round(new MethodPlan(Method.PT, 3, 32), 20, true).fp32Seconds();
        assertThat(pt20).isCloseTo(3 * (17 * 1.0 + 20 / 1000.0), within(1e-9));
    }

    @Test
    void thePaperGridCountsEveryMethodStrategyRdaSeedAndRoundWithGrowingLabels() {
        Estimator e = new Estimator(SIZES, rates(BF16));
        MethodPlan lp = new MethodPlan(Method.LP, 1, 128);
        StageTime grid = e.paperGrid(List.of(lp));
        int strategies = Strategies.NAMES.size();
        double expected = 0;
        for (int r = 0; r < 7; r++) {
            int labeled = 10 * (r + 1);
            expected += strategies * 3 * ((labeled + 500) + labeled) / 10_000.0;
        }
        assertThat(grid.fp32Seconds()).isCloseTo(expected, within(1e-9));
        assertThat(grid.work()).startsWith(String.format("%,d rounds", strategies * 3 * 2 * 7));
        assertThat(e.all(List.of(lp), true)).extracting(StageTime::stage)
                .containsExactly("retrieval ranking", "embedding", "LP round", "paper grid");
    }

    @Test
    void durationsReadAsAPersonSaysThem() {
        assertThat(Durations.format(4.2)).isEqualTo("4.2 s");
        assertThat(Durations.format(45)).isEqualTo("45 s");
        assertThat(Durations.format(12 * 60)).isEqualTo("12 min");
        assertThat(Durations.format(3.4 * 3600)).isEqualTo("3.4 h");
        assertThat(Durations.format(5 * 86400)).isEqualTo("5.0 days");
        assertThat(Durations.format(Double.NaN)).isEqualTo("—");
        assertThat(Durations.format(0.004)).isEqualTo("< 0.1 s");
    }
}
