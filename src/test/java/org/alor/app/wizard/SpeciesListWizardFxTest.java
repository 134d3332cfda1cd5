package org.alor.app.wizard;

import org.alor.app.common.BackgroundJobs;
import org.alor.app.shell.ShellView;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.alor.data.ClassInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The classes step's "Import species list (CSV)…" (issue 17, taxonomy import): matches shown, applied only when all match. */
@ExtendWith(ApplicationExtension.class)
class SpeciesListWizardFxTest {
    private final BackgroundJobs jobs = new BackgroundJobs();
    private NewProjectWizardModel model;
    private Path base;

    @Start
    void start(Stage stage) throws Exception {
        base = Files.createTempDirectory("alor-species");
        for (String folder : List.of("tree_swallow", "Hirundo_rustica", "blue-crane")) {
            Files.createDirectories(base.resolve("birds").resolve(folder));
            for (int i = 0; i < 3; i++) {
                ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png",
                        base.resolve("birds").resolve(folder).resolve(i + ".png").toFile());
            }
        }
        model = new NewProjectWizardModel(jobs);
        NewProjectWizardView view = new NewProjectWizardView(model, () -> { }, p -> { });
        Scene scene = new Scene(view.root(), 1100, 720);
        scene.getStylesheets().add(ShellView.LIGHT_CSS);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsEveryFolderWithItsSpeciesAndRenamesTheClassesOnlyWhenAllMatch(FxRobot robot) throws Exception {
        robot.interact(() -> {
            robot.lookup("#wizard-project-dir").<TextField>query().setText(base.resolve("p").toString());
            robot.lookup("#wizard-dataset-dir").<TextField>query().setText(base.resolve("birds").toString());
        });
        robot.clickOn("#wizard-scan");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.previewProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#wizard-next");
        assertThat(model.stepProperty().get()).isEqualTo(NewProjectWizardModel.Step.CLASSES);
        assertThat(robot.lookup("#wizard-import-species").queryButton().getText()).isEqualTo("Import species list (CSV)…");
        Button next = robot.lookup("#wizard-next").queryButton();

        Path partial = base.resolve("partial.csv");
        Files.writeString(partial, "scientific name,common name,synonyms\nTachycineta bicolor,Tree Swallow,\nHirundo rustica,Barn Swallow,\n");
        robot.interact(() -> model.importSpeciesList(partial));
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> matches = robot.lookup("#wizard-species-matches").query();
        assertThat(matches.isVisible()).isTrue();
        assertThat(lines()).containsExactly(
                "Hirundo_rustica  →  Hirundo rustica (Barn Swallow)",
                "blue-crane  →  no species matches",
                "tree_swallow  →  Tachycineta bicolor (Tree Swallow)");
        assertThat(robot.lookup("#error-classes").queryLabeled().getText()).contains("folders matching no species: blue-crane");
        assertThat(next.isDisabled()).isTrue();
        assertThat(model.classInfos()).extracting(ClassInfo::name).containsExactly("Hirundo rustica", "blue-crane", "Tree Swallow");

        Path full = base.resolve("species.csv");
        Files.writeString(full, "scientific name,common name,synonyms\nTachycineta bicolor,Tree Swallow,\nHirundo rustica,Barn Swallow,\n"
                + "Egretta caerulea,Little Blue Heron,\"Florida caerulea; blue crane\"\nPica pica,Eurasian Magpie,\n");
        robot.interact(() -> model.importSpeciesList(full));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lines()).contains("blue-crane  →  Egretta caerulea (Little Blue Heron)", "Pica pica (line 5): no class folder, not added");
        assertThat(robot.lookup("#error-classes").queryLabeled().getText()).isEmpty();
        assertThat(next.isDisabled()).isFalse();
        List<ClassInfo> classes = model.classInfos();
        assertThat(classes).extracting(ClassInfo::name).containsExactly("Hirundo rustica", "Egretta caerulea", "Tachycineta bicolor");
        assertThat(classes).extracting(ClassInfo::mostCommonName).containsExactly("Barn Swallow", "Little Blue Heron", "Tree Swallow");
        assertThat(classes.get(1).synonyms().keySet()).contains("Florida caerulea", "blue crane");
    }

    private List<String> lines() {
        return model.speciesLines().stream().map(SpeciesListImport.Line::text).toList();
    }
}
