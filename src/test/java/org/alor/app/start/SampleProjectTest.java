package org.alor.app.start;

import org.alor.data.Split;
import org.alor.store.ProjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SampleProjectTest {
    @TempDir
    Path data;

    @AfterEach
    void clear() {
        System.clearProperty("alor.dataDir");
    }

    @Test
    void createsTheSampleProjectOnceInTheUserDataFolder() throws Exception {
        System.setProperty("alor.dataDir", data.toString());
        assertThat(SampleProject.sampleData()).as("sample-data is found from the project folder").isPresent();
        Path project = SampleProject.ensure();
        assertThat(project).isEqualTo(data.resolve("sample-project"));
        int pool;
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.classTable().all()).hasSize(24);
            pool = store.sampleTable().countsBySplit().get(Split.POOL);
            assertThat(pool).isPositive();
            store.labelLog().label(store.sampleTable().bySplit(Split.POOL).get(0).id(), 0, "me", null);
        }
        assertThat(SampleProject.ensure()).isEqualTo(project);
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.labelLog().eventCount()).as("a second start keeps the user's work").isEqualTo(1);
        }
    }
}
