package org.alor.loop;

import org.alor.retrieval.CorpusFormat;
import org.alor.retrieval.RetrievalOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetrievalSpecTest {
    @Test
    void defaultsKeep500PerClassRankedFromTheProjectCorpus() {
        RetrievalSpec s = RetrievalSpec.builder().build();
        assertEquals(CorpusFormat.AUTO, s.format());
        assertEquals(RetrievalOptions.DEFAULT_PER_CLASS, s.baseOptions().perClass());
        assertTrue(s.rank());
        assertEquals(null, s.corpus());
    }

    @Test
    void flagsReachTheOptions() {
        RetrievalOptions o = RetrievalSpec.builder().optPerClass(7).optThreads(3).optMinSide(40).build().baseOptions();
        assertEquals(7, o.perClass());
        assertEquals(3, o.threads());
        assertEquals(40, o.downloadMinSide());
    }

    @Test
    void badValuesFailWithAClearMessage() {
        assertMessage("--per-class must be 0 or more", RetrievalSpec.builder().optPerClass(-1));
        assertMessage("--threads must be at least 1", RetrievalSpec.builder().optThreads(0));
        assertMessage("--dedup must be a cosine similarity in (0, 1]", RetrievalSpec.builder().optDedup(1.5));
        assertMessage("--min-side must be 0 or more", RetrievalSpec.builder().optMinSide(-2));
    }

    @Test
    void rankingTemplatesNeedAPlaceForTheClassName() {
        assertMessage("--template 'a bird' has no {} for the class name",
                RetrievalSpec.builder().optRankingTemplates(java.util.List.of("a photo of a {}.", "a bird")));
        assertMessage("--template needs at least one template", RetrievalSpec.builder().optRankingTemplates(java.util.List.of()));
        assertEquals(java.util.List.of("a {} in flight"),
                RetrievalSpec.builder().optRankingTemplates(java.util.List.of("a {} in flight")).build().rankingTemplates());
        assertEquals(null, RetrievalSpec.builder().build().rankingTemplates(), "null: the project's prompt set");
    }

    @Test
    void anUnknownFormatFails() {
        assertThrows(IllegalArgumentException.class, () -> RetrievalSpec.builder().optFormat("zip").build());
    }

    private static void assertMessage(String expected, RetrievalSpec.Builder b) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertEquals(expected, e.getMessage());
    }
}
