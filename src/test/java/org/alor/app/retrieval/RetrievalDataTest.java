package org.alor.app.retrieval;

import org.alor.app.SyntheticBirds;

import org.alor.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RetrievalDataTest {
    @TempDir
    Path tmp;

    @Test
    void countsMatchedAndKeptAndMarksTheTailThird() throws Exception {
        Path dir = SyntheticBirds.project(tmp, 4, 2);
        try (ProjectStore store = ProjectStore.open(dir)) {
            RetrievalData d = RetrievalData.load(store);
            // class 0 keeps 4 retrieved images, classes 4 and 5 none: they are the tail third
            assertThat(d.rows()).extracting(RetrievalData.Row::kept).containsExactly(4, 3, 2, 1, 0, 0);
            assertThat(d.rows()).filteredOn(RetrievalData.Row::tail).extracting(RetrievalData.Row::classId).containsExactly(4, 5);
            assertThat(d.rows().get(0).matched()).isEqualTo(15 + 162);
            assertThat(d.byKeptDescending().get(0).classId()).isEqualTo(0);
            assertThat(d.retrieved().get(0)).hasSize(4);

            String common = store.classTable().all().get(0).mostCommonName();
            store.classTable().setExcluded(0, common, true);
            RetrievalData after = RetrievalData.load(store);
            assertThat(after.rows().get(0).matched()).isEqualTo(15);
            assertThat(after.rows().get(0).synonymText()).contains("(" + common + ")");
        }
    }

    @Test
    void provenanceCaptionPrefersCaptionThenSynonym() {
        assertThat(RetrievalView.provenanceLine("{\"synonym\":\"Tree Swallow\",\"score\":0.3}")).isEqualTo("Tree Swallow");
        assertThat(RetrievalView.provenanceLine("{\"caption\":\"a bird\",\"synonym\":\"x\"}")).isEqualTo("a bird");
        assertThat(RetrievalView.provenanceLine("not json")).isEqualTo("not json");
        assertThat(RetrievalView.provenanceLine(null)).isEmpty();
    }
}
