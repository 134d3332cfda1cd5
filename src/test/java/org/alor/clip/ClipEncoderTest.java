package org.alor.clip;

import org.alor.job.CancellationToken;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.alor.job.Phase;
import org.alor.job.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClipEncoderTest {
    private static ClipModel model;
    private static float[] pixels;
    private static long[][] ids;
    private static float[] wantImages;
    private static float[] wantTexts;

    @BeforeAll
    static void load() {
        model = ClipTinyFixture.model();
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDList in = ClipTinyFixture.read(m, "inputs.safetensors");
            NDList want = ClipTinyFixture.read(m, "expected.safetensors");
            pixels = in.get("pixel_values").toFloatArray();
            long[] flat = in.get("input_ids").toLongArray();
            ids = new long[3][];
            for (int i = 0; i < 3; i++) {
                ids[i] = Arrays.copyOfRange(flat, i * 16, (i + 1) * 16);
            }
            wantImages = want.get("image_embeds").toFloatArray();
            wantTexts = want.get("text_embeds").toFloatArray();
        }
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void batchedEncodingMatchesTheFixtureAndReportsProgress() {
        ClipEncoder encoder = new ClipEncoder(model, 1);
        List<String> progress = new ArrayList<>();
        float[][] images = encoder.encodeImages(pixels, 2, new Progress() {
            @Override
            public void phase(Phase phase, long done, long total, String message) {
                progress.add(phase + " " + done + "/" + total);
            }
        }, new CancellationToken());
        assertClose(images, wantImages);
        assertThat(progress).containsExactly("EMBEDDING 1/2", "EMBEDDING 2/2");

        float[][] texts = new ClipEncoder(model, 2).encodeTexts(ids);
        assertClose(texts, wantTexts);
    }

    @Test
    void shorterRowsAreZeroPaddedLikeClip() {
        long[][] trimmed = {Arrays.copyOf(ids[0], 5), ids[1]}; // row 0 ends with its end-of-text token at 4
        float[][] texts = new ClipEncoder(model).encodeTexts(trimmed);
        assertClose(texts, Arrays.copyOf(wantTexts, 64));
        // a batch shorter than the context uses the first T positional embeddings; causality makes it exact
        assertClose(new ClipEncoder(model).encodeTexts(new long[][] {trimmed[0]}), Arrays.copyOf(wantTexts, 32));
    }

    @Test
    void batchesAreCutAfterTheLastEndOfTextTokenWithoutChangingResults() {
        assertThat(ClipEncoder.pooledPosition(ids[0])).isEqualTo(4);
        assertThat(ClipEncoder.pooledPosition(new long[] {3, 9, 9, 0})).isEqualTo(1);
        // rows 0 and 1 end at 4 and 8: their batch runs 9 of 16 positions; row 2 alone runs all 16
        assertClose(new ClipEncoder(model, 2).encodeTexts(ids), wantTexts);
        assertClose(new ClipEncoder(model, 1).encodeTexts(new long[][] {ids[1]}), Arrays.copyOfRange(wantTexts, 32, 64));
    }

    @Test
    void cancellationStopsBetweenBatches() {
        AtomicInteger batches = new AtomicInteger();
        ClipEncoder encoder = new ClipEncoder(model, 1);
        CancellationToken token = new CancellationToken();
        assertThatThrownBy(() -> encoder.encodeImages(pixels, 2, new Progress() {
                    @Override
                    public void phase(Phase phase, long done, long total, String message) {
                        batches.incrementAndGet();
                        token.cancel();
                    }
                }, token))
                .isInstanceOf(CancellationException.class);
        assertThat(batches.get()).isEqualTo(1);
    }

    @Test
    void streamHookEncodesEachBatchInOrder() {
        List<float[][]> out = new ArrayList<>();
        long n = new ClipEncoder(model).encodeImageStream(List.of(pixels, pixels).iterator(), out::add,
                Progress.NONE, new CancellationToken());
        assertThat(n).isEqualTo(4);
        assertClose(out.get(1), wantImages);
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        ClipEncoder encoder = new ClipEncoder(model);
        assertThatThrownBy(() -> encoder.encodeImages(new float[10], 1))
                .hasMessageContaining("need 3072 floats, got 10");
        assertThatThrownBy(() -> encoder.encodeTexts(new long[][] {{1, 1000}}))
                .hasMessageContaining("token id 1000 outside the vocabulary [0, 1000)");
        assertThatThrownBy(() -> encoder.encodeTexts(new long[][] {new long[17]}))
                .hasMessageContaining("17 tokens");
    }

    @Test
    void repeatedEncodingLeavesNoNativeArraysBehind() {
        NDManager params = model.parameterManager();
        ClipEncoder encoder = new ClipEncoder(model, 1);
        encoder.encodeImages(pixels, 2);
        encoder.encodeTexts(ids);
        int before = params.getManagedArrays().size();
        assertThat(before).isEqualTo(model.namedParameters().size());

        // the measure sees arrays in sub-managers, so a scope left open would show up
        try (NDManager probe = params.newSubManager()) {
            probe.zeros(new ai.djl.ndarray.types.Shape(1));
            assertThat(params.getManagedArrays()).hasSize(before + 1);
        }
        for (int i = 0; i < 10; i++) {
            encoder.encodeImages(pixels, 2);
            encoder.encodeTexts(ids);
            encoder.encodeTexts(new long[][] {Arrays.copyOf(ids[0], 5)});
        }
        assertThat(params.getManagedArrays()).hasSize(before);
    }

    @Test
    void noGradientSwitchesAutogradOffAndRestoresTheThreadsMode() throws Exception {
        // PyTorch's grad mode is thread-local and on by default in a fresh thread: without NoGradient an
        // inference pass there would build and hold a backward graph through the parameters
        boolean[] mode = new boolean[3];
        float[][][] encoded = new float[1][][];
        Thread worker = new Thread(() -> {
            mode[0] = ai.djl.pytorch.jni.JniUtils.isGradMode();
            try (NoGradient ignored = NoGradient.enter()) {
                mode[1] = ai.djl.pytorch.jni.JniUtils.isGradMode();
            }
            mode[2] = ai.djl.pytorch.jni.JniUtils.isGradMode();
            encoded[0] = new ClipEncoder(model).encodeImages(pixels, 2);
        });
        worker.start();
        worker.join();
        assertThat(mode[0]).as("premise: grad mode on in a fresh thread").isTrue();
        assertThat(mode[1]).isFalse();
        assertThat(mode[2]).as("previous mode restored").isTrue();
        assertClose(encoded[0], wantImages);
    }

    private static void assertClose(float[][] rows, float[] want) {
        float[] flat = new float[want.length];
        int k = 0;
        for (float[] r : rows) {
            System.arraycopy(r, 0, flat, k, r.length);
            k += r.length;
        }
        assertThat(k).isEqualTo(want.length);
        for (int i = 0; i < want.length; i++) {
            assertThat((double) flat[i]).as("value " + i).isCloseTo(want[i], org.assertj.core.data.Offset.offset(1e-4));
        }
    }
}
