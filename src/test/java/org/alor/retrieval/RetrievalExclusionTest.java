package org.alor.retrieval;

import org.alor.data.Split;
import org.alor.store.ProjectStore;
import org.alor.store.RetrievedExclusions;
import org.alor.store.StoredSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A retrieved image a person excluded does not come back when retrieval runs again. */
class RetrievalExclusionTest {
    @Test
    void anExcludedImageStaysOutAfterARerun(@TempDir Path tmp) throws Exception {
        Path corpus = RetrievalJobTest.corpus(tmp.resolve("corpus"), 600, 100);
        Path p = RetrievalJobTest.project(tmp.resolve("p"));
        RetrievalOptions o = RetrievalOptions.defaults().withThreads(2).withPerClass(30);
        RetrievalJobTest.run(p, corpus, o);
        StoredSample victim;
        int before;
        try (ProjectStore s = ProjectStore.open(p)) {
            List<StoredSample> retrieved = s.sampleTable().bySplit(Split.RETRIEVED);
            before = retrieved.size();
            victim = retrieved.get(3);
            String identity = RetrievalCache.exclusionIdentity(victim.provenanceJson());
            assertThat(identity).isNotNull();
            RetrievedExclusions.exclude(s, List.of(identity), List.of(victim.id()));
            assertThat(s.sampleTable().bySplit(Split.RETRIEVED)).hasSize(before - 1);
            assertThat(RetrievedExclusions.all(s)).containsExactly(identity);
        }
        RetrievalJobTest.run(p, corpus, o);
        try (ProjectStore s = ProjectStore.open(p)) {
            List<StoredSample> after = s.sampleTable().bySplit(Split.RETRIEVED);
            assertThat(after).hasSize(before - 1);
            assertThat(after).extracting(x -> RetrievalCache.exclusionIdentity(x.provenanceJson()))
                    .doesNotContain(RetrievalCache.exclusionIdentity(victim.provenanceJson()));
        }
    }
}
