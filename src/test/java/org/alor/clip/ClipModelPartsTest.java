package org.alor.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model's named parts, so code outside clip never spells a tensor name. */
class ClipModelPartsTest {
    private static final Path TINY = Path.of("src/test/resources/fixtures/clip-tiny");

    private static List<String> names(ClipModel model, List<Parameter> parts) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            if (parts.stream().anyMatch(p -> p == e.getValue())) out.add(e.getKey());
        }
        assertThat(out).hasSameSizeAs(parts);
        return out;
    }

    @Test
    void towersSplitEveryTensorButTheLogitScale() throws Exception {
        try (ClipModel model = ClipModel.random(ClipConfigs.fromOpenClipJson(TINY.resolve("open_clip_config.json")), Device.cpu(), 3)) {
            List<String> image = names(model, model.imageTowerParameters());
            List<String> text = names(model, model.textTowerParameters());
            assertThat(image).isNotEmpty().allMatch(n -> n.startsWith("visual."));
            assertThat(text).contains("token_embedding.weight", "text_projection", "ln_final.bias")
                    .noneMatch(n -> n.startsWith("visual.") || n.equals("logit_scale"));
            List<String> both = new ArrayList<>(image);
            both.addAll(text);
            assertThat(names(model, model.towerParameters())).containsExactlyInAnyOrderElementsOf(both);
            assertThat(both).hasSize(model.namedParameters().size() - 1);
            assertThat(model.namedParameters().get("logit_scale")).isSameAs(model.logitScale());
            assertThat(model.namedParameters().get("token_embedding.weight")).isSameAs(model.tokenEmbedding());
        }
    }

    @Test
    void layerWeightsAreMatricesAndKernelsButNoEmbeddingsNormsOrBiases() throws Exception {
        try (ClipModel model = ClipModel.random(ClipConfigs.fromOpenClipJson(TINY.resolve("open_clip_config.json")), Device.cpu(), 3)) {
            List<String> weights = names(model, model.layerWeights());
            assertThat(weights).contains("visual.conv1.weight", "visual.proj", "text_projection",
                    "transformer.resblocks.0.attn.in_proj_weight", "visual.transformer.resblocks.0.mlp.c_fc.weight");
            assertThat(weights).doesNotContain("token_embedding.weight", "positional_embedding", "visual.positional_embedding",
                    "visual.class_embedding", "ln_final.weight", "visual.ln_pre.weight", "logit_scale");
            assertThat(weights).noneMatch(n -> n.endsWith("bias"));
        }
    }

    @Test
    void aPartialStateDictHoldsExactlyTheGivenTensors() throws Exception {
        try (ClipModel model = ClipModel.random(ClipConfigs.fromOpenClipJson(TINY.resolve("open_clip_config.json")), Device.cpu(), 3);
             ClipModel other = ClipModel.random(ClipConfigs.fromOpenClipJson(TINY.resolve("open_clip_config.json")), Device.cpu(), 4)) {
            StateDict image = model.stateDict(model.imageTowerParameters());
            assertThat(image.names()).containsExactlyElementsOf(names(model, model.imageTowerParameters()));
            assertThat(image.get("visual.proj").data()).containsExactly(model.namedParameters().get("visual.proj").getArray().toFloatArray());
            assertThatThrownBy(() -> model.stateDict(List.of(other.logitScale())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not part of this model");
        }
    }
}
