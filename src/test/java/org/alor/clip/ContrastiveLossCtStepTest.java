package org.alor.clip;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.alor.clip.ClipTinyFixture.relativeError;
import static org.assertj.core.api.Assertions.assertThat;

/** One CT (FLYP) step through the DJL blocks reproduces the reference loss and gradients. */
class ContrastiveLossCtStepTest {

    @Test
    void lossAndGradientsMatchTheReferenceStep() {
        try (ClipModel model = ClipTinyFixture.model();
             NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDList step = ClipTinyFixture.read(manager, "ct_step.safetensors");
            NDArray logScale = step.get("ct_log_scale");
            logScale.setRequiresGradient(true);
            float loss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                ParameterStore ps = new ParameterStore(manager, false);
                NDArray images = model.encodeImages(ps, step.get("pixel_values"), true);
                NDArray texts = model.encodeTexts(ps, step.get("input_ids"), true);
                NDArray l = ContrastiveLoss.compute(images, texts, logScale);
                loss = l.getFloat();
                collector.backward(l);
            }
            assertThat((double) loss).isCloseTo(step.get("loss").getFloat(), org.assertj.core.data.Offset.offset(1e-5));

            List<String> checked = new ArrayList<>();
            for (NDArray want : step) {
                String name = want.getName();
                if (!name.startsWith("grad.")) {
                    continue;
                }
                String tensor = name.substring("grad.".length());
                NDArray got = tensor.equals("ct_log_scale")
                        ? logScale.getGradient()
                        : model.namedParameters().get(tensor).getArray().getGradient();
                assertThat(relativeError(got, want)).as(name).isLessThan(1e-4);
                got.close();
                checked.add(tensor);
            }
            assertThat(checked).hasSize(10).contains("ct_log_scale", "token_embedding.weight", "visual.conv1.weight");

            model.zeroGradients();
            try (NDArray g = model.namedParameters().get("visual.proj").getArray().getGradient()) {
                assertThat(g.abs().max().getFloat()).isZero();
            }
        }
    }

    @Test
    void lossOfOrthogonalPairsAtScaleOneIsLnOnePlusOneOverE() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray img = m.create(new float[][] {{3, 0}, {0, 2}});
            NDArray txt = m.create(new float[][] {{1, 0}, {0, 5}});
            // cos-sim = identity, scale 1: every row and column CE is -ln(e / (e + 1))
            float loss = ContrastiveLoss.compute(img, txt, m.create(0f)).getFloat();
            assertThat((double) loss).isCloseTo(-Math.log(Math.E / (Math.E + 1)), org.assertj.core.data.Offset.offset(1e-6));
        }
    }
}
