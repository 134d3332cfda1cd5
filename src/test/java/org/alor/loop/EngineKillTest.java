package org.alor.loop;

import org.alor.store.ProjectStore;
import org.alor.store.RoundStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance: a run killed between "selection saved" and "labels saved" resumes to the uninterrupted result. */
class EngineKillTest {
    @TempDir
    Path tmp;

    @Test
    void aRunKilledAfterSavingTheSelectionResumesToTheSameFinalState() throws Exception {
        Path killed = tmp.resolve("killed");
        Path reference = tmp.resolve("reference");
        SyntheticWorld.create(killed).close();
        SyntheticWorld.create(reference).close();

        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                EngineChild.class.getName(), killed.toString(), "2", "1"));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("SELECTION_SAVED")) seen.add(line);
            assertThat(line).as("child output %s", seen).isEqualTo("SELECTION_SAVED");
            child.destroyForcibly();
            child.waitFor();
        } finally {
            child.destroyForcibly();
        }

        try (ProjectStore store = ProjectStore.open(killed)) {
            assertThat(store.roundTable().byIndex(1).orElseThrow().status()).isEqualTo(RoundStatus.LABELING);
            assertThat(store.roundTable().selections(1)).hasSize(SyntheticWorld.CLASSES);
            assertThat(store.database().integrityCheck()).isEqualTo("ok");
            EngineFixture.oracleEngine(store, EngineFixture.config("lp", "tfs", 777)).runThrough(2);
            EngineFixture.State resumed = EngineFixture.state(store);

            try (ProjectStore ref = ProjectStore.open(reference)) {
                EngineFixture.oracleEngine(ref, EngineFixture.config("lp", "tfs", 777)).runThrough(2);
                EngineFixture.State uninterrupted = EngineFixture.state(ref);
                assertThat(resumed).isEqualTo(uninterrupted);
                assertThat(resumed.statuses()).containsExactly(RoundStatus.DONE, RoundStatus.DONE, RoundStatus.DONE);
                assertThat(resumed.labels()).hasSize(3 * SyntheticWorld.CLASSES);
            }
        }
    }
}
