package org.alor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.alor.data.DatasetFormat;
import org.alor.data.ImportRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointRecipeTest {
    @TempDir
    Path tmp;

    @Test
    void readsEveryFieldBesideACheckpointFolderOrItsWeightsFile() throws IOException {
        Path clip = Files.createDirectories(tmp.resolve("clip"));
        Files.writeString(clip.resolve("recipe.json"), "{\"epochs\": 12, \"lr_encoder\": 1e-4, \"lr_head\": 0.0005, \"why\": \"chosen on val\"}");
        CheckpointRecipe expected = new CheckpointRecipe(12, 1e-4, 5e-4);
        assertThat(CheckpointRecipe.besideCheckpoint(clip)).contains(expected);
        assertThat(CheckpointRecipe.besideCheckpoint(clip.resolve("open_clip_model.safetensors"))).contains(expected);
    }

    @Test
    void aCheckpointWithoutRecipeHasNone() throws IOException {
        assertThat(CheckpointRecipe.besideCheckpoint(Files.createDirectories(tmp.resolve("plain")))).isEmpty();
    }

    @Test
    void badValuesNameTheFileAndTheField() throws IOException {
        Path file = tmp.resolve("recipe.json");
        Files.writeString(file, "{\"lr_encoder\": -1}");
        assertThatThrownBy(() -> CheckpointRecipe.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("lr_encoder");
        Files.writeString(file, "{\"epochs\": 2.5}");
        assertThatThrownBy(() -> CheckpointRecipe.read(file)).hasMessageContaining("epochs");
        Files.writeString(file, "{\"epochs\": \"ten\"}");
        assertThatThrownBy(() -> CheckpointRecipe.read(file)).hasMessageContaining("epochs");
        Files.writeString(file, "[1, 2");
        assertThatThrownBy(() -> CheckpointRecipe.read(file)).hasMessageContaining(file.toString());
    }

    @Test
    void aProjectCreatedWithTheCheckpointRecordsItsRecipe() throws Exception {
        Path data = tmp.resolve("data");
        for (String c : new String[]{"alpha", "beta"}) {
            for (int i = 0; i < 3; i++) {
                Path f = Files.createDirectories(data.resolve(c)).resolve(i + ".png");
                ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", f.toFile());
            }
        }
        Path clip = Files.createDirectories(tmp.resolve("clip"));
        Files.writeString(clip.resolve("recipe.json"), "{\"epochs\": 7, \"lr_encoder\": 3e-5}");
        Path project = tmp.resolve("project");
        ProjectCreator.create(project, ImportRequest.of(data).withFormat(DatasetFormat.IMAGE_FOLDER),
                ProjectCreator.SplitOptions.defaults(), clip, null);
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.settings().getInt(CheckpointRecipe.EPOCHS, 50)).isEqualTo(7);
            assertThat(store.settings().getDouble(CheckpointRecipe.LR_ENCODER)).contains(3e-5);
            assertThat(store.settings().getDouble(CheckpointRecipe.LR_HEAD)).isEmpty();
            CheckpointRecipe.clearFrom(store.settings());
            assertThat(store.settings().getDouble(CheckpointRecipe.LR_ENCODER)).isEmpty();
        }
    }
}
