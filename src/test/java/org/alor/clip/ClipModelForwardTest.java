package org.alor.clip;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.alor.clip.ClipTinyFixture.maxAbsDiff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClipModelForwardTest {
    private static ClipModel model;
    private static NDManager manager;
    private static NDList inputs;
    private static NDList expected;

    @BeforeAll
    static void load() {
        model = ClipTinyFixture.model();
        manager = NDManager.newBaseManager(Device.cpu());
        inputs = ClipTinyFixture.read(manager, "inputs.safetensors");
        expected = ClipTinyFixture.read(manager, "expected.safetensors");
    }

    @AfterAll
    static void close() {
        manager.close();
        model.close();
    }

    @Test
    void forwardMatchesOpenClipWithin1e4() {
        try (NDManager scope = manager.newSubManager()) {
            NDList out = model.forward(new ParameterStore(scope, false),
                    new NDList(inputs.get("pixel_values"), inputs.get("input_ids")), false);
            assertThat(out.get(0).getShape().getShape()).containsExactly(2, 32);
            assertThat(out.get(1).getShape().getShape()).containsExactly(3, 32);
            assertThat(out.get(2).getShape().getShape()).containsExactly(2, 3);
            assertThat(maxAbsDiff(out.get(0), expected.get("image_embeds"))).isLessThan(1e-4);
            assertThat(maxAbsDiff(out.get(1), expected.get("text_embeds"))).isLessThan(1e-4);
            assertThat(maxAbsDiff(out.get(2), expected.get("logits_per_image"))).isLessThan(1e-4);
        }
    }

    @Test
    void textPoolingUsesTheHighestTokenIdNotTheLastPosition() {
        try (NDManager scope = manager.newSubManager()) {
            NDArray ids = inputs.get("input_ids").duplicate();
            ids.attach(scope);
            NDArray base = model.encodeTexts(ids);
            // change a token after the end-of-text token of row 0: the causal mask and pooling must ignore it
            long[] row = ids.get(0).toLongArray();
            int eot = argMax(row);
            if (eot + 1 < row.length) {
                ids.set(new ai.djl.ndarray.index.NDIndex(0, eot + 1), 5);
                NDArray changed = model.encodeTexts(ids);
                assertThat(maxAbsDiff(changed.get(0), base.get(0))).isLessThan(1e-6);
            }
            // change a token before it: the embedding must move
            ids.set(new ai.djl.ndarray.index.NDIndex(0, 1), (row[1] + 7) % 900);
            assertThat(maxAbsDiff(model.encodeTexts(ids).get(0), base.get(0))).isGreaterThan(1e-4);
        }
    }

    @Test
    void stateDictRoundTripsExactly() throws Exception {
        StateDict original = SafetensorsFile.readAll(ClipTinyFixture.DIR.resolve("open_clip_model.safetensors"));
        StateDict exported;
        try (ClipModel fresh = ClipModelFactory.fromStateDict(model.config(), original, Device.cpu())) {
            // give a collected Java buffer the chance to be freed: loaded weights must not live in one
            for (int i = 0; i < 3; i++) {
                System.gc();
                byte[][] churn = new byte[64][];
                for (int k = 0; k < churn.length; k++) {
                    churn[k] = new byte[1 << 20];
                }
                Thread.sleep(30);
            }
            exported = fresh.stateDict();
        }
        assertThat(exported.names()).containsExactlyInAnyOrderElementsOf(original.names());
        for (Tensor t : original.tensors()) {
            Tensor e = exported.get(t.name());
            assertThat(e.shape()).as(t.name()).isEqualTo(t.shape());
            assertThat(e.data()).as(t.name()).containsExactly(t.data());
        }
        assertThat(model.namedParameters()).hasSize(original.size());
    }

    @Test
    void loadStateDictListsMissingUnexpectedAndMisShapedTensors() throws Exception {
        StateDict bad = SafetensorsFile.readAll(ClipTinyFixture.DIR.resolve("open_clip_model.safetensors"));
        bad.remove("visual.proj");
        bad.put(new Tensor("visual.extra", new long[] {1}, new float[] {0}));
        bad.put(new Tensor("ln_final.bias", new long[] {2, 32}, new float[64]));
        try (ClipModel fresh = ClipModel.empty(model.config(), Device.cpu())) {
            assertThatThrownBy(() -> fresh.loadStateDict(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("missing visual.proj")
                    .hasMessageContaining("unexpected visual.extra")
                    .hasMessageContaining("shape mismatch ln_final.bias: checkpoint [2, 32], model [64]");
            // nothing was loaded: the LayerNorm weights still hold their placeholder ones
            assertThat(fresh.namedParameters().get("ln_final.weight").getArray().toFloatArray()).containsOnly(1f);
        }
    }

    @Test
    void djlBlockApiSeesEveryNamedParameterOnceAndInitialised() {
        assertThat(model.getParameters().size()).isEqualTo(model.namedParameters().size());
        assertThat(model.isInitialized()).isTrue();
        model.getParameters().values().forEach(p ->
                assertThat(model.namedParameters()).containsEntry(p.getName(), p));
        assertThat(model.namedParameters().values()).allMatch(p -> p.requiresGradient());
    }

    @Test
    void randomModelIsReproducibleAndHasOpenClipShapes() {
        ClipConfig c = model.config();
        try (ClipModel a = ClipModel.random(c, Device.cpu(), 7); ClipModel b = ClipModel.random(c, Device.cpu(), 7)) {
            assertThat(a.namedParameters().keySet()).containsExactlyElementsOf(model.namedParameters().keySet());
            float[] wa = a.namedParameters().get("visual.proj").getArray().toFloatArray();
            float[] wb = b.namedParameters().get("visual.proj").getArray().toFloatArray();
            assertThat(wa).containsExactly(wb);
            double std = Math.sqrt(Arrays.stream(toDoubles(wa)).map(v -> v * v).average().orElse(0));
            assertThat(std).isBetween(0.8 / 8, 1.2 / 8); // width 64 → std 64^-0.5
            assertThat(a.logitScale().getArray().getFloat()).isEqualTo(ClipModel.INITIAL_LOGIT_SCALE);
        }
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static int argMax(long[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }
}
