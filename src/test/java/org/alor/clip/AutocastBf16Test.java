package org.alor.clip;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** bf16 autocast on the clip-tiny fixture: embeddings and CT gradients close to fp32, parameters stay fp32. */
class AutocastBf16Test {
    private static ClipModel model;
    private static NDManager manager;
    private static NDList inputs;
    private static NDList ctStep;

    @BeforeAll
    static void load() {
        model = ClipTinyFixture.model();
        manager = NDManager.newBaseManager(Device.cpu());
        inputs = ClipTinyFixture.read(manager, "inputs.safetensors");
        ctStep = ClipTinyFixture.read(manager, "ct_step.safetensors");
    }

    @AfterAll
    static void close() {
        model.setComputeType(ComputeType.FP32);
        manager.close();
        model.close();
    }

    @Test
    void bf16EmbeddingsHaveCosineAtLeast0999WithFp32AndAreNotFp32() {
        float[][] fp32 = embeddings(ComputeType.FP32);
        float[][] bf16 = embeddings(ComputeType.BF16);
        float[][] again = embeddings(ComputeType.FP32);
        for (int tower = 0; tower < 2; tower++) {
            int dim = model.config().embedDim();
            for (int row = 0; row < fp32[tower].length / dim; row++) {
                assertThat(cosine(fp32[tower], bf16[tower], row, dim)).as("tower %d row %d", tower, row)
                        .isGreaterThanOrEqualTo(0.999);
            }
            // bf16 really ran (products rounded to 8 mantissa bits) and switching back is exact
            assertThat(bf16[tower]).isNotEqualTo(fp32[tower]);
            assertThat(again[tower]).isEqualTo(fp32[tower]);
            assertThat(ClipTinyFixture.maxAbsDiff(manager.create(bf16[tower]), manager.create(fp32[tower])))
                    .isGreaterThan(1e-6);
        }
    }

    @Test
    void theBatchedEncoderCastsWeightsOnceWithTheSameResultAsPerForwardCasts() {
        float[][] direct = embeddings(ComputeType.BF16);
        float[] pixels = inputs.get("pixel_values").toFloatArray();
        float[][] batched = new ClipEncoder(model, 1).encodeImages(pixels, 2);
        int dim = model.config().embedDim();
        for (int row = 0; row < 2; row++) {
            assertThat(batched[row]).isEqualTo(java.util.Arrays.copyOfRange(direct[0], row * dim, (row + 1) * dim));
        }
    }

    /**
     * Tolerances: 8 % relative L2 per tensor and cosine ≥ 0.998 for all gradients as one vector. bf16 keeps 8
     * significant bits (relative rounding 2^-9 ≈ 0.2 % per product input); the CT loss gradient is softmax − target of
     * logits scaled by exp(s) ≈ 14, which multiplies the embeddings' error by about that much (measured: 1.2–5.4 % per
     * tensor, largest for small bias gradients). The fp32 reference test asks 1e-4 of the same step.
     */
    @Test
    void aCtStepInBf16GivesFp32GradientsCloseToFp32AndKeepsFp32Parameters() {
        Map<String, float[]> fp32 = ctGradients(ComputeType.FP32);
        Map<String, float[]> bf16 = ctGradients(ComputeType.BF16);
        assertThat(bf16.keySet()).isEqualTo(fp32.keySet()).contains("visual.conv1.weight", "token_embedding.weight");
        for (String name : fp32.keySet()) {
            assertThat(relativeError(bf16.get(name), fp32.get(name))).as(name).isLessThan(0.08);
        }
        assertThat(cosine(flatten(bf16), flatten(fp32), 0, flatten(fp32).length)).isGreaterThanOrEqualTo(0.998);
        for (Parameter p : model.namedParameters().values()) {
            assertThat(p.getArray().getDataType()).as(p.getName()).isEqualTo(DataType.FLOAT32);
        }
    }

    private static float[][] embeddings(ComputeType type) {
        model.setComputeType(type);
        try (NDManager scope = manager.newSubManager()) {
            ParameterStore ps = new ParameterStore(scope, false);
            NDArray images = model.encodeImages(ps, inputs.get("pixel_values"), false);
            NDArray texts = model.encodeTexts(ps, inputs.get("input_ids"), false);
            assertThat(images.getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(texts.getDataType()).isEqualTo(DataType.FLOAT32);
            return new float[][] {images.toFloatArray(), texts.toFloatArray()};
        }
    }

    private static Map<String, float[]> ctGradients(ComputeType type) {
        model.setComputeType(type);
        model.zeroGradients();
        Map<String, float[]> out = new LinkedHashMap<>();
        try (NDManager scope = manager.newSubManager()) {
            NDArray logScale = ctStep.get("ct_log_scale").duplicate();
            logScale.attach(scope);
            logScale.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                ParameterStore ps = new ParameterStore(scope, false);
                NDArray images = model.encodeImages(ps, ctStep.get("pixel_values"), true);
                NDArray texts = model.encodeTexts(ps, ctStep.get("input_ids"), true);
                collector.backward(ContrastiveLoss.compute(images, texts, logScale));
            }
            out.put("ct_log_scale", logScale.getGradient().toFloatArray());
            for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
                NDArray a = e.getValue().getArray();
                if (e.getKey().equals("logit_scale") || !a.hasGradient()) continue;
                try (NDArray g = a.getGradient()) {
                    assertThat(g.getDataType()).as("gradient of " + e.getKey()).isEqualTo(DataType.FLOAT32);
                    out.put(e.getKey(), g.toFloatArray());
                }
            }
        }
        model.zeroGradients();
        return out;
    }

    private static float[] flatten(Map<String, float[]> tensors) {
        float[] out = new float[tensors.values().stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (float[] a : tensors.values()) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }

    private static double cosine(float[] a, float[] b, int row, int dim) {
        double dot = 0, na = 0, nb = 0;
        for (int i = row * dim; i < (row + 1) * dim; i++) {
            dot += a[i] * (double) b[i];
            na += a[i] * (double) a[i];
            nb += b[i] * (double) b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static double relativeError(float[] got, float[] want) {
        double diff = 0, norm = 0;
        for (int i = 0; i < got.length; i++) {
            diff += (got[i] - want[i]) * (double) (got[i] - want[i]);
            norm += want[i] * (double) want[i];
        }
        return norm == 0 ? Math.sqrt(diff) : Math.sqrt(diff / norm);
    }
}
