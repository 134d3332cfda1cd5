package org.alor.adapt;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.alor.adapt.train.AdamW;
import org.alor.clip.ClipModel;
import org.alor.clip.ClipModelFactory;
import org.alor.clip.DjlSafetensors;
import org.alor.clip.NoGradient;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance (a): one CT optimiser step from the golden clip-tiny weights on the ct_step batch moves
 * {@code visual.proj} exactly as AdamW's first step predicts from the fixture gradient:
 * p ← p − lr·wd·p − lr·m̂/(√v̂ + ε) with m̂ = g, v̂ = g².
 */
class ContrastiveStepFixtureTest {
    private static final Path DIR = Path.of("src/test/resources/fixtures/clip-tiny");

    @Test
    void firstAdamWStepMovesTheImageProjectionByTheFormula() throws Exception {
        // the schedule's first iteration: 1e-6 for both groups (docs/method.md §5)
        double[] rates = TunedTraining.schedule(TuningConfig.ct(), 100).learningRates(0, new AdamW(List.of(
                new org.alor.adapt.train.ParameterGroup("a", List.of(), 1e-6, 0.01),
                new org.alor.adapt.train.ParameterGroup("b", List.of(), 1e-4, 0.01))));
        assertThat(rates).containsExactly(1e-6, 1e-6);
        checkStep(1e-6, 3e-8);
    }

    /** At a large rate the decoupled weight-decay term (lr·wd·p ≈ 1e-5) is visible too. */
    @Test
    void weightDecayIsDecoupled() throws Exception {
        checkStep(1e-2, 1e-7);
    }

    private static void checkStep(double lr, double tolerance) throws Exception {
        try (ClipModel model = ClipModelFactory.load(DIR, Device.cpu());
             NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDList step = DjlSafetensors.read(manager, DIR.resolve("ct_step.safetensors"));
            List<Parameter> towers = TunedTraining.trainable(model, model.towerParameters());
            Parameter temperature = TunedTraining.parameter("ct_log_scale", step.get("ct_log_scale").duplicate());
            TuningConfig config = TuningConfig.ct();
            float[] before = model.namedParameters().get("visual.proj").getArray().toFloatArray();
            float[] g = step.get("grad.visual.proj").toFloatArray();
            try (AdamW adamW = ContrastiveTuneAdapter.optimizer(towers, temperature, config)) {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = ContrastiveTuneAdapter.loss(model, new ParameterStore(manager, false),
                            step.get("pixel_values"), step.get("input_ids"), temperature.getArray());
                    assertThat((double) loss.getFloat()).isCloseTo(step.get("loss").getFloat(),
                            org.assertj.core.data.Offset.offset(1e-5));
                    collector.backward(loss);
                }
                try (NoGradient ignored = NoGradient.enter()) {
                    adamW.step(new double[] {lr, lr});
                }
            }
            float[] after = model.namedParameters().get("visual.proj").getArray().toFloatArray();
            double wd = config.weightDecay();
            double maxError = 0;
            double maxMove = 0;
            for (int i = 0; i < g.length; i++) {
                double want = before[i] - lr * wd * before[i] - lr * g[i] / (Math.sqrt((double) g[i] * g[i]) + 1e-8);
                maxError = Math.max(maxError, Math.abs(after[i] - want));
                maxMove = Math.max(maxMove, Math.abs(after[i] - before[i]));
            }
            assertThat(maxMove).isGreaterThan(0.9 * lr);
            // float32 weights around 0.1 round at ~1e-8
            assertThat(maxError).isLessThan(tolerance);
        }
    }
}
