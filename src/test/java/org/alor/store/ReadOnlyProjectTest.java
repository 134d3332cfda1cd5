package org.alor.store;

import org.alor.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Issue 18 item 13: a project that cannot be written is opened read-only: reading works, writing says why not. */
class ReadOnlyProjectTest {
    @TempDir
    Path tmp;

    @Test
    void aReadOnlyStoreReadsEverythingAndRefusesEveryWrite() throws IOException {
        Path dir = tmp.resolve("p");
        TestProjects.withPool(dir, 9).close();
        byte[] before = Files.readAllBytes(dir.resolve(ProjectStore.DATABASE_FILE));
        try (ProjectStore store = ProjectStore.openReadOnly(dir)) {
            assertThat(store.database().isReadOnly()).isTrue();
            assertThat(store.classTable().all()).hasSize(3);
            assertThat(store.sampleTable().bySplit(Split.POOL)).hasSize(9);
            assertThat(store.database().quickCheck(1)).isEmpty();
            long id = store.sampleTable().bySplit(Split.POOL).get(0).id();
            assertThatThrownBy(() -> store.labelLog().label(id, 1, "tester", 0))
                    .isInstanceOf(StoreException.class).hasMessageContaining("read-only project");
            assertThatThrownBy(() -> store.features().put("ck", "pp", List.of(id), new float[][]{{1f}}))
                    .hasMessageContaining("read-only project");
            assertThat(store.labelLog().current()).isEmpty();
        }
        assertThat(Files.readAllBytes(dir.resolve(ProjectStore.DATABASE_FILE))).isEqualTo(before);
    }

    @Test
    void aProjectInAReadOnlyFolderOpensForReading() throws IOException {
        Path dir = tmp.resolve("ro");
        TestProjects.withPool(dir, 4).close();
        Path db = dir.resolve(ProjectStore.DATABASE_FILE);
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(dir), "permissions do not bind this user (root)");
            try (ProjectStore store = ProjectStore.open(dir)) {
                assertThat(store.sampleTable().bySplit(Split.POOL)).hasSize(4);
                assertThat(store.database().isReadOnly()).isTrue();
                assertThatThrownBy(() -> store.settings().set(Settings.CREATED_AT, java.time.Instant.now()))
                        .hasMessageContaining("read-only project");
            }
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
