package org.alor.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance: a process killed in the middle of a write transaction leaves a consistent database. */
class KillTest {
    private static final int EVENTS = 10_000;

    @TempDir
    Path tmp;

    @Test
    void killedMidTransactionLeavesNoneOfItsRowsAndASoundDatabase() throws Exception {
        TestProjects.withPool(tmp, 3).close();
        try (ChildJvm child = new ChildJvm("labels", tmp.toString(), Integer.toString(EVENTS))) {
            child.awaitLine("MID");
            assertThat(child.kill()).as("killed, not exited normally").isNotZero();
            assertThat(child.output()).doesNotContain("COMMITTED");
        }
        Path wal = tmp.resolve("project.alor-wal");
        assertThat(Files.exists(wal) ? Files.size(wal) : 0L)
                .as("uncommitted pages reached the WAL before the kill").isPositive();
        try (ProjectStore store = ProjectStore.open(tmp)) {
            assertThat(store.database().integrityCheck()).isEqualTo("ok");
            assertThat(store.labelLog().eventCount()).isZero();
            assertThat(store.labelLog().current()).isEmpty();
            // and the project keeps working
            store.labelLog().label(store.sampleTable().bySplit(org.alor.data.Split.POOL).get(0).id(), 1, "ann", null);
            assertThat(store.labelLog().eventCount()).isEqualTo(1);
        }
    }

    @Test
    void aTransactionAllowedToFinishKeepsAllItsRows() throws Exception {
        TestProjects.withPool(tmp, 3).close();
        try (ChildJvm child = new ChildJvm("labels", tmp.toString(), Integer.toString(EVENTS))) {
            assertThat(child.awaitExit()).as("child output: %s", child.output()).isZero();
            assertThat(child.output()).contains("MID", "COMMITTED");
        }
        try (ProjectStore store = ProjectStore.open(tmp)) {
            assertThat(store.database().integrityCheck()).isEqualTo("ok");
            assertThat(store.labelLog().eventCount()).isEqualTo(EVENTS);
        }
    }
}
