package org.alor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.alor.data.DatasetFormat;
import org.alor.data.ImportRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18 item 4: a project creation that dies half-way leaves nothing that blocks running it again. */
class AtomicInitTest {
    @TempDir
    Path tmp;

    @AfterEach
    void removeHook() {
        ProjectCreator.midImportHook = () -> { };
    }

    private Path dataset() throws Exception {
        Path data = tmp.resolve("data");
        for (String c : new String[] {"alpha", "beta"}) {
            for (int i = 0; i < 3; i++) {
                Path f = Files.createDirectories(data.resolve(c)).resolve(i + ".png");
                BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                img.setRGB(i, 0, 0xFFFFFF);
                ImageIO.write(img, "png", f.toFile());
            }
        }
        return data;
    }

    private static ProjectCreator.Created create(Path project, Path data) throws Exception {
        return ProjectCreator.create(project, ImportRequest.of(data).withFormat(DatasetFormat.IMAGE_FOLDER),
                ProjectCreator.SplitOptions.defaults(), null, null, Map.of(Settings.PROMPT_SET, "birds"));
    }

    @Test
    void failureMidImportLeavesNoProjectAndInitCanRunAgain() throws Exception {
        Path data = dataset();
        Path project = tmp.resolve("project");
        ProjectCreator.midImportHook = () -> {
            throw new IllegalStateException("injected failure");
        };
        assertThatThrownBy(() -> create(project, data)).hasMessageContaining("injected failure");
        assertThat(project.resolve(ProjectStore.DATABASE_FILE)).doesNotExist();

        ProjectCreator.midImportHook = () -> { };
        create(project, data);
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.classTable().all()).hasSize(2);
            assertThat(store.settings().all()).containsEntry(Settings.PROMPT_SET, "birds");
        }
        assertThat(project.resolve(ProjectCreator.BUILD_DIR)).doesNotExist();
    }

    @Test
    void leftoversOfAKilledInitDoNotBlockTheNextOne() throws Exception {
        Path data = dataset();
        Path project = tmp.resolve("project");
        // what `kill -9` in the middle leaves: a half-written database in the build folder
        Path stale = Files.createDirectories(project.resolve(ProjectCreator.BUILD_DIR));
        Files.writeString(stale.resolve(ProjectStore.DATABASE_FILE), "half a database");
        Files.writeString(stale.resolve(ProjectStore.DATABASE_FILE + "-wal"), "half a log");

        create(project, data);

        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.sampleTable().countsBySplit().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
        }
        assertThat(project.resolve(ProjectCreator.BUILD_DIR)).doesNotExist();
    }

    @Test
    void aFinishedProjectIsStillRefused() throws Exception {
        Path data = dataset();
        Path project = tmp.resolve("project");
        create(project, data);
        assertThatThrownBy(() -> create(project, data)).hasMessageContaining("is already a project");
    }
}
