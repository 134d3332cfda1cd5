package org.alor.cli;

import org.alor.data.ClassInfo;
import org.alor.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `alor init --classes species.csv` on an ImageFolder dataset (issue 17, taxonomy import). */
class InitSpeciesListCommandTest {
    @TempDir
    Path tmp;

    private static final String SPECIES = "Scientific name,Common name,Synonyms\n"
            + "Tachycineta bicolor,Tree Swallow,Iridoprocne bicolor\n"
            + "Hirundo rustica,Barn Swallow,\n"
            + "Egretta caerulea,Little Blue Heron,\"Florida caerulea; blue crane\"\n"
            + "Pica pica,Eurasian Magpie,\n";

    private Path dataset(String... folders) throws IOException {
        Path root = tmp.resolve("birds");
        for (String f : folders) {
            Files.createDirectories(root.resolve(f));
            for (int i = 0; i < 3; i++) {
                ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", root.resolve(f).resolve(i + ".png").toFile());
            }
        }
        return root;
    }

    @Test
    void namesTheFolderClassesFromTheSpeciesListAndWarnsAboutSpeciesWithoutFolder() throws IOException {
        Path root = dataset("tree_swallow", "Hirundo_rustica", "blue crane");
        Path list = tmp.resolve("species.csv");
        Files.writeString(list, SPECIES);
        Path project = tmp.resolve("p");
        CliRun init = CliRun.of("init", project.toString(), "--images", root.toString(), "--classes", list.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("3 classes").contains("species 'Pica pica' has no class folder");
        try (ProjectStore store = ProjectStore.open(project)) {
            List<ClassInfo> classes = store.classTable().all();
            assertThat(classes).extracting(ClassInfo::name).containsExactly("Hirundo rustica", "Egretta caerulea", "Tachycineta bicolor");
            assertThat(classes).extracting(ClassInfo::mostCommonName).containsExactly("Barn Swallow", "Little Blue Heron", "Tree Swallow");
            assertThat(classes.get(1).synonyms().keySet()).contains("Florida caerulea", "blue crane");
        }
    }

    @Test
    void aSpeciesListInsideTheDatasetFolderDoesNotMakeItACsvDataset() throws IOException {
        Path root = dataset("tree_swallow", "barn_swallow");
        Path list = root.resolve("species.csv");
        Files.writeString(list, SPECIES);
        Path project = tmp.resolve("p");
        CliRun init = CliRun.of("init", project.toString(), "--images", root.toString(), "--classes", list.toString());
        assertThat(init.exitCode()).as(init.err() + init.out()).isZero();
        assertThat(init.out()).contains("[imagefolder]").doesNotContain("outside any class folder");
    }

    @Test
    void unmatchedFoldersFailWithTheirNamesAndNoProjectIsCreated() throws IOException {
        Path root = dataset("tree_swallow", "mystery_bird", "sparrow");
        Path list = tmp.resolve("species.csv");
        Files.writeString(list, SPECIES);
        Path project = tmp.resolve("p");
        CliRun init = CliRun.of("init", project.toString(), "--images", root.toString(), "--classes", list.toString());
        assertThat(init.exitCode()).isNotZero();
        assertThat(init.err()).contains("species.csv").contains("folders matching no species: mystery_bird, sparrow");
        assertThat(project.resolve(ProjectStore.DATABASE_FILE)).doesNotExist();
    }

    @Test
    void theHelpDescribesTheSpeciesList() {
        CliRun help = CliRun.of("init", "--help");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("species list CSV").contains("scientific name,common name").contains("synonyms separated by | or ;");
    }
}
