package org.alor.clip;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClipTensorLayoutTest {
    @Test
    void expectedShapesAreExactlyTheFixtureTensorsInFileOrder() throws IOException {
        ClipConfig c = ClipConfigs.fromOpenClipJson(Path.of("src/test/resources/fixtures/clip-tiny/open_clip_config.json"));
        Map<String, long[]> expected = ClipTensorLayout.expectedShapes(c);
        try (SafetensorsFile f = SafetensorsFile.open(Path.of("src/test/resources/fixtures/clip-tiny/open_clip_model.safetensors"))) {
            assertThat(new ArrayList<>(expected.keySet())).containsExactlyElementsOf(f.names());
            for (String name : f.names()) assertThat(expected.get(name)).as(name).containsExactly(f.shape(name));
        }
        List<String> names = new ArrayList<>(expected.keySet());
        assertThat(names).contains("visual.transformer.resblocks.1.attn.in_proj_weight", "logit_scale");
        assertThat(expected.get("logit_scale")).isEmpty();
    }
}
