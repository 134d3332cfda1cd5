package org.alor.clip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClipConfigsTest {
    static final Path TINY = Path.of("src/test/resources/fixtures/clip-tiny");

    @TempDir
    Path tmp;

    /** The fixture README: vision 32 px, patch 8, width 64, 2 layers, head width 32; text ctx 16, vocab 1000,
     *  width 64, 2 layers, 4 heads; embed 32; QuickGELU. */
    static void assertTiny(ClipConfig c) {
        assertThat(c.embedDim()).isEqualTo(32);
        assertThat(c.quickGelu()).isTrue();
        assertThat(c.imageSize()).isEqualTo(32);
        assertThat(c.patchSize()).isEqualTo(8);
        assertThat(c.visionWidth()).isEqualTo(64);
        assertThat(c.visionLayers()).isEqualTo(2);
        assertThat(c.visionHeadWidth()).isEqualTo(32);
        assertThat(c.visionHeads()).isEqualTo(2);
        assertThat(c.mlpRatio()).isEqualTo(4.0);
        assertThat(c.contextLength()).isEqualTo(16);
        assertThat(c.vocabSize()).isEqualTo(1000);
        assertThat(c.textWidth()).isEqualTo(64);
        assertThat(c.textHeads()).isEqualTo(4);
        assertThat(c.textLayers()).isEqualTo(2);
        assertThat(c.mean()).containsExactly(ClipConfig.CLIP_MEAN);
        assertThat(c.std()).containsExactly(ClipConfig.CLIP_STD);
    }

    @Test
    void parsesTheFixtureOpenClipConfig() throws CheckpointException {
        assertTiny(ClipConfigs.fromOpenClipJson(TINY.resolve("open_clip_config.json")));
    }

    @Test
    void parsesTheFixtureHuggingFaceConfig() throws CheckpointException {
        assertTiny(ClipConfigs.fromHfJson(TINY.resolve("hf/config.json")));
    }

    @Test
    void openClipDefaultsAndBareModelConfig() throws IOException {
        Path f = tmp.resolve("ViT-B-32.json");
        Files.writeString(f, "{\"embed_dim\": 512, \"vision_cfg\": {\"image_size\": 224, \"layers\": 12,"
                + " \"width\": 768, \"patch_size\": 32}, \"text_cfg\": {\"context_length\": 77, \"vocab_size\": 49408,"
                + " \"width\": 512, \"heads\": 8, \"layers\": 12}}");
        ClipConfig c = ClipConfigs.fromOpenClipJson(f);
        assertThat(c.visionHeadWidth()).isEqualTo(64);
        assertThat(c.mlpRatio()).isEqualTo(4.0);
        assertThat(c.quickGelu()).isFalse();
        assertThat(ClipTensorLayout.expectedShapes(c))
                .usingRecursiveComparison().isEqualTo(ClipTensorLayout.expectedShapes(ClipConfigs.builtIn("ViT-B-32").orElseThrow()));
    }

    @Test
    void unsupportedArchitecturesAreNamed() throws IOException {
        Path f = tmp.resolve("open_clip_config.json");
        Files.writeString(f, "{\"model_cfg\": {\"embed_dim\": 1024, \"vision_cfg\": {\"layers\": [3, 4, 6, 3],"
                + " \"width\": 64}, \"text_cfg\": {}}}");
        assertThatThrownBy(() -> ClipConfigs.fromOpenClipJson(f)).hasMessageContaining("ResNet")
                .hasMessageContaining("open_clip_config.json");
        Files.writeString(f, "{\"model_cfg\": {\"vision_cfg\": {\"timm_model_name\": \"convnext_base\"}, \"text_cfg\": {}}}");
        assertThatThrownBy(() -> ClipConfigs.fromOpenClipJson(f)).hasMessageContaining("convnext_base");
        Files.writeString(f, "{\"model_cfg\": {\"vision_cfg\": {\"width\": \"wide\"}, \"text_cfg\": {}}}");
        assertThatThrownBy(() -> ClipConfigs.fromOpenClipJson(f)).hasMessageContaining("\"width\"");
    }

    @Test
    void builtInConfigsHaveTheOpenClipNumbers() {
        ClipConfig b32 = ClipConfigs.builtIn("ViT-B-32").orElseThrow();
        assertThat(new int[] {b32.embedDim(), b32.imageSize(), b32.patchSize(), b32.visionWidth(), b32.visionLayers(),
                b32.visionHeads(), b32.contextLength(), b32.vocabSize(), b32.textWidth(), b32.textHeads(), b32.textLayers()})
                .containsExactly(512, 224, 32, 768, 12, 12, 77, 49408, 512, 8, 12);
        assertThat(b32.quickGelu()).isFalse();
        assertThat(ClipConfigs.builtIn("vit-b-32-quickgelu").orElseThrow().quickGelu()).isTrue();
        assertThat(ClipConfigs.builtIn("ViT-B-16").orElseThrow().patchSize()).isEqualTo(16);
        ClipConfig l14 = ClipConfigs.builtIn("ViT-L-14").orElseThrow();
        assertThat(new int[] {l14.embedDim(), l14.patchSize(), l14.visionWidth(), l14.visionLayers(), l14.visionHeads(),
                l14.textWidth(), l14.textHeads(), l14.textLayers()}).containsExactly(768, 14, 1024, 24, 16, 768, 12, 12);
        // parameter counts as OpenCLIP reports them: ViT-B/32 151.28M, ViT-B/16 149.62M, ViT-L/14 427.62M
        assertThat(ClipTensorLayout.parameterCount(b32)).isEqualTo(151_277_313L);
        assertThat(ClipTensorLayout.parameterCount(ClipConfigs.builtIn("ViT-B-16").orElseThrow())).isEqualTo(149_620_737L);
        assertThat(ClipTensorLayout.parameterCount(l14)).isEqualTo(427_616_513L);
        assertThat(ClipConfigs.builtIn("ViT-H-14")).isEmpty();
    }

    @Test
    void matchesModelNamesInPaths() {
        Map<String, String> cases = Map.of(
                "models--laion--CLIP-ViT-B-32-laion2B-s34B-b79K", "ViT-B-32",
                "models--openai--clip-vit-base-patch32", "ViT-B-32-quickgelu",
                "clip-vit-large-patch14-336", "ViT-L-14-336",
                "ViT-L-14_laion2b.safetensors", "ViT-L-14",
                "vit_base_patch16_clip_224.openai", "ViT-B-16-quickgelu",
                "ViT-B-16-quickgelu-metaclip.bin", "ViT-B-16-quickgelu");
        cases.forEach((text, want) -> assertThat(ClipConfigs.matchName(text)).as(text).contains(want));
        assertThat(ClipConfigs.matchName("resnet50-weights.bin")).isEmpty();
        for (String n : ClipConfigs.builtInNames()) assertThat(ClipConfigs.matchName(n)).as(n).contains(n);
    }

    @Test
    void infersTheShapeOfTheTinyModelFromItsTensors() throws IOException {
        StateDict sd = SafetensorsFile.readAll(TINY.resolve("open_clip_model.safetensors"));
        ClipConfig c = ClipConfigs.inferFromShapes(sd, true, "tiny");
        assertThat(new int[] {c.embedDim(), c.imageSize(), c.patchSize(), c.visionWidth(), c.visionLayers(),
                c.contextLength(), c.vocabSize(), c.textWidth(), c.textLayers()})
                .containsExactly(32, 32, 8, 64, 2, 16, 1000, 64, 2);
        assertThat(c.mlpRatio()).isEqualTo(4.0);
        assertThat(CheckpointValidator.check(c, sd).ok()).isTrue();
    }
}
