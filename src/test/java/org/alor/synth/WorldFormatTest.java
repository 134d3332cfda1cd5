package org.alor.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** world.json records whether corpus and task differ in look, so format-1 worlds regenerate as they were. */
class WorldFormatTest {
    @TempDir
    Path tmp;

    @Test
    void theDomainGapSurvivesWorldJsonAndFormatOneWorldsKeepOneSharedLook() throws Exception {
        SynthConfig small = SynthConfig.defaults().withSpecies(3).withCorpusPairs(20);
        for (boolean gap : new boolean[]{true, false}) {
            Path file = tmp.resolve("world-" + gap + ".json");
            WorldJson.write(SynthWorld.create(small.withDomainGap(gap)), Map.of(), file);
            SynthConfig read = WorldJson.readConfig(file);
            assertThat(read.domainGap()).isEqualTo(gap);
            assertThat(read.corpusDomain()).isEqualTo(gap ? SceneRenderer.Domain.WEB : SceneRenderer.Domain.SHARED);
            assertThat(read.taskDomain()).isEqualTo(gap ? SceneRenderer.Domain.FIELD : SceneRenderer.Domain.SHARED);
        }
    }
}
