package org.alor.app.retrieval;

import org.alor.data.ClassInfo;
import org.alor.data.Split;
import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.alor.loop.Project;
import org.alor.retrieval.TestCorporaAccess;
import org.alor.retrieval.UnreadableCorpusException;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18 item 2: the Retrieval page's job fails (shown as an error, not "kept N images") on an unreadable corpus. */
class ProjectRetrievalRunnerTest {
    @Test
    void anUnreadableCorpusFailsTheJobAndKeepsWhatWasRetrieved(@TempDir Path tmp) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("wds"));
        TestCorporaAccess.shards(corpus);
        byte[] noise = new byte[4096];
        new Random(2).nextBytes(noise);
        Path bad = Files.write(tmp.resolve("x.parquet"), noise);
        try (ProjectStore store = ProjectStore.create(tmp.resolve("p"))) {
            Map<String, Integer> a = new LinkedHashMap<>();
            a.put("Hirundo rustica", 0);
            a.put("Barn Swallow", 0);
            store.classTable().replace(List.of(new ClassInfo(0, "Hirundo rustica", null, a)));
            store.settings().set(Settings.CORPUS, corpus);
            Project session = Project.on(store).build();
            int kept = new ProjectRetrievalRunner().retrieve(session, Progress.NONE, new CancellationToken());
            assertThat(kept).isPositive();

            store.settings().set(Settings.CORPUS, bad);
            assertThatThrownBy(() -> new ProjectRetrievalRunner().retrieve(session, Progress.NONE, new CancellationToken()))
                    .isInstanceOf(UnreadableCorpusException.class).hasMessageContaining("x.parquet");
            assertThat(store.sampleTable().bySplit(Split.RETRIEVED)).hasSize(kept);
        }
    }
}
