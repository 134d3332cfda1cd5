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

    @Test
    void matchedIsNotShownBeforeRetrievalEverRan() {
        try (ProjectStore store = ProjectStore.create(tmp.resolve("fresh"))) {
            java.util.Map<String, Integer> syn = new java.util.LinkedHashMap<>();
            syn.put("Sialia sialis", 120);
            store.classTable().replace(java.util.List.of(new org.alor.data.ClassInfo(0, "Sialia sialis", "Eastern Bluebird", syn)));
            RetrievalData d = RetrievalData.load(store);
            assertThat(d.retrievalRan()).isFalse();
            assertThat(d.rows().get(0).matchedText()).isEqualTo("not retrieved yet");
        }
    }

    @Test
    void tableAndChartUseTheSameClassNamesAndImagesSortByRankingScore() throws Exception {
        Path dir = SyntheticBirds.project(tmp, 4, 2);
        try (ProjectStore store = ProjectStore.open(dir)) {
            RetrievalData d = RetrievalData.load(store);
            assertThat(d.retrievalRan()).isTrue();
            assertThat(d.rows().get(0).matchedText()).isEqualTo("177");
            org.jfree.data.category.CategoryDataset ds = RetrievalView.longTail(d).getCategoryPlot().getDataset();
            assertThat(ds.getColumnKeys()).map(Object::toString)
                    .containsExactlyElementsOf(d.byKeptDescending().stream().map(RetrievalData.Row::displayName).toList());
            assertThat(d.rows().get(0).displayName()).isEqualTo("Northern Cardinal");
        }
        java.util.List<org.alor.store.StoredSample> samples = java.util.List.of(
                new org.alor.store.StoredSample(1, "a.png", org.alor.data.Split.RETRIEVED, 0, 1, 1, "h", "{\"key\":\"a\",\"score\":0.2}"),
                new org.alor.store.StoredSample(2, "b.png", org.alor.data.Split.RETRIEVED, 0, 1, 1, "h", "{\"key\":\"b\",\"score\":0.9}"),
                new org.alor.store.StoredSample(3, "c.png", org.alor.data.Split.RETRIEVED, 0, 1, 1, "h", "{\"key\":\"c\"}"));
        assertThat(RetrievedImageText.byScore(samples)).extracting(org.alor.store.StoredSample::id).containsExactly(2L, 1L, 3L);
    }

    @Test
    void tooltipIsReadableTextNotJson() {
        org.alor.store.StoredSample s = new org.alor.store.StoredSample(1, "retrieval/0/r0.png", org.alor.data.Split.RETRIEVED, 0, 320, 240, "h",
                "{\"corpus\":\"synthetic\",\"shard\":\"synthetic-000\",\"key\":\"0-0\",\"synonym\":\"Tree Swallow\",\"score\":0.31,\"class\":0,"
                        + "\"caption\":\"a swallow on a wire\",\"url\":\"http://x/y.jpg\"}");
        String tip = RetrievedImageText.tooltip(s);
        assertThat(tip).doesNotContain("{").doesNotContain("\"")
                .contains("a swallow on a wire").contains("matched on \u201cTree Swallow\u201d").contains("ranking score 0.31")
                .contains("http://x/y.jpg").contains("320 \u00d7 240");
        assertThat(RetrievedImageText.tooltip(new org.alor.store.StoredSample(2, "x.png", org.alor.data.Split.RETRIEVED, 0, 1, 1, "h", "garbage")))
                .doesNotContain("garbage").contains("x.png");
    }
}
