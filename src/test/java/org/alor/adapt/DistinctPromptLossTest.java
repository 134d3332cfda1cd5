package org.alor.adapt;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.alor.clip.ClipModel;
import org.alor.clip.ClipModelFactory;
import org.alor.clip.DjlSafetensors;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CT encodes each distinct prompt of a batch once; loss and gradients equal those of one prompt per example. */
class DistinctPromptLossTest {
    private static final Path DIR = Path.of("src/test/resources/fixtures/clip-tiny");

    @Test
    void sharedPromptsGiveTheSameLossAndGradientsAsOnePromptPerExample() throws Exception {
        try (ClipModel model = ClipModelFactory.load(DIR, Device.cpu());
             NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDList step = DjlSafetensors.read(manager, DIR.resolve("ct_step.safetensors"));
            NDArray pixels = step.get("pixel_values");
            NDArray ids = step.get("input_ids");
            int b = (int) ids.getShape().get(0);
            // examples 0,2,4,… use prompt 0 and 1,3,5,… prompt 1: two distinct prompts
            long[] promptOfExample = new long[b];
            for (int i = 0; i < b; i++) promptOfExample[i] = i % 2;
            NDArray distinct = ids.get("0:2");
            NDArray perExample = distinct.get(manager.create(promptOfExample));
            List<Parameter> towers = TunedTraining.trainable(model, model.towerParameters());
            Parameter temperature = TunedTraining.parameter("ct_log_scale", step.get("ct_log_scale").duplicate());
            temperature.getArray().setRequiresGradient(true);

            Map<String, float[]> expected = gradients(model, towers, () -> ContrastiveTuneAdapter.loss(model,
                    new ParameterStore(manager, false), pixels, perExample, temperature.getArray()));
            Map<String, float[]> actual = gradients(model, towers, () -> ContrastiveTuneAdapter.loss(model,
                    new ParameterStore(manager, false), pixels, distinct, manager.create(promptOfExample), temperature.getArray()));

            assertThat(actual.get("loss")[0]).isCloseTo(expected.get("loss")[0], org.assertj.core.data.Offset.offset(1e-5f));
            for (String name : List.of("visual.proj", "text_projection", "token_embedding.weight")) {
                float[] want = expected.get(name), got = actual.get(name);
                double scale = 0, error = 0;
                for (int i = 0; i < want.length; i++) {
                    scale = Math.max(scale, Math.abs(want[i]));
                    error = Math.max(error, Math.abs(want[i] - got[i]));
                }
                assertThat(scale).as(name + " has a gradient").isGreaterThan(0);
                assertThat(error).as(name).isLessThan(1e-4 * scale);
            }
            assertThat(new Shape(b, ids.getShape().get(1))).isEqualTo(perExample.getShape());
        }
    }

    private static Map<String, float[]> gradients(ClipModel model, List<Parameter> towers,
                                                  java.util.function.Supplier<NDArray> loss) {
        Map<String, float[]> out = new java.util.HashMap<>();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            for (Parameter p : towers) p.getArray().getGradient().subi(p.getArray().getGradient());
            NDArray value = loss.get();
            out.put("loss", new float[] {value.getFloat()});
            collector.backward(value);
        }
        model.namedParameters().forEach((name, p) -> {
            if (List.of("visual.proj", "text_projection", "token_embedding.weight").contains(name)) {
                out.put(name, p.getArray().getGradient().toFloatArray());
            }
        });
        return out;
    }
}
