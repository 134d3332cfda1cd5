package org.alor.store;

import org.alor.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationTest {
    @TempDir
    Path tmp;

    @Test
    void aVersion1ProjectMigratesForwardKeepingItsData() {
        long sampleId;
        try (ProjectStore v1 = ProjectStore.create(tmp, List.of(Migrations.V1))) {
            assertThat(v1.database().schemaVersion()).isEqualTo(1);
            assertThat(tableExists(v1, "feature_index")).isFalse();
            v1.classTable().replace(TestProjects.threeClasses());
            sampleId = v1.sampleTable().add(TestProjects.sample("a.jpg", Split.POOL, 1));
            v1.labelLog().label(sampleId, 2, "ann", null);
        }
        try (ProjectStore store = ProjectStore.open(tmp)) {
            assertThat(store.database().schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(tableExists(store, "feature_index")).isTrue();
            assertThat(tableExists(store, "predictions")).isTrue();
            assertThat(store.classTable().all()).hasSize(3);
            assertThat(store.labelLog().current().get(sampleId).classId()).isEqualTo(2);
            store.features().put("ck", "pp", List.of(sampleId), new float[][]{{1f, 2f}});
            assertThat(store.features().get("ck", "pp", List.of(sampleId)).vectors()[0]).containsExactly(1f, 2f);
            assertThat(store.database().integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void aFailingMigrationLeavesTheDatabaseAtThePreviousVersion() {
        Migration broken = new Migration(2, "broken", List.of(
                "CREATE TABLE half_done (x INTEGER)",
                "INSERT INTO no_such_table VALUES (1)"));
        ProjectStore.create(tmp, List.of(Migrations.V1)).close();
        assertThatThrownBy(() -> ProjectStore.open(tmp, List.of(Migrations.V1, broken)))
                .isInstanceOf(StoreException.class).hasMessageContaining("no_such_table");
        try (ProjectStore store = ProjectStore.open(tmp, List.of(Migrations.V1))) {
            assertThat(store.database().schemaVersion()).isEqualTo(1);
            assertThat(tableExists(store, "half_done")).isFalse();
        }
    }

    @Test
    void migrationsMustBeNumberedInOrder() {
        assertThatThrownBy(() -> ProjectStore.create(tmp, List.of(Migrations.V2)))
                .hasMessageContaining("version");
    }

    @Test
    void everyTableOfTheLayoutExists() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            for (String t : List.of("settings", "classes", "class_synonyms", "samples", "label_events", "rounds",
                    "selections", "metrics", "feature_index")) {
                assertThat(tableExists(store, t)).as(t).isTrue();
            }
        }
    }

    @Test
    void foreignKeysAreEnforcedAndValid() throws Exception {
        try (ProjectStore store = TestProjects.withPool(tmp, 3)) {
            store.labelLog().label(store.sampleTable().bySplit(Split.POOL).get(0).id(), 1, "ann", null);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("project.alor"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            assertThat(rs.next()).isFalse();
        }
    }

    private static boolean tableExists(ProjectStore store, String table) {
        return store.database().inTransaction(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
                return rs.next();
            }
        });
    }
}
