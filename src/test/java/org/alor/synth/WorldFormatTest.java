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
            java.util.Set<SceneRenderer.Domain> corpusLooks = new java.util.HashSet<>();
            for (long seed = 0; seed < 200; seed++) corpusLooks.add(read.corpusDomain(seed));
            assertThat(corpusLooks).isEqualTo(gap ? java.util.Set.of(SceneRenderer.Domain.WEB, SceneRenderer.Domain.FIELD)
                    : java.util.Set.of(SceneRenderer.Domain.SHARED));
            assertThat(read.taskDomain()).isEqualTo(gap ? SceneRenderer.Domain.FIELD : SceneRenderer.Domain.SHARED);
        }
    }
}
