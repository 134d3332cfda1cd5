package org.alor.app.retrieval;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.alor.app.ShellOnStage;
import org.alor.app.SyntheticBirds;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.shell.AppServices;
import org.alor.app.shell.ShellViewModel;
import org.alor.data.Split;
import org.alor.store.ProjectStore;
import org.alor.store.RetrievedExclusions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 item 14: retrieved images are selected with Ctrl/Shift click, excluded together, brought back with
 * Ctrl+Z or from the list of excluded images, and enlarged on double-click; the tail tint has a legend.
 */
@ExtendWith(ApplicationExtension.class)
class RetrievalCurationFxTest {
    private ShellOnStage shell;
    private ShellViewModel model;
    private Path project;

    @Start
    void start(Stage stage) throws Exception {
        project = SyntheticBirds.project(Files.createTempDirectory("alor-curation"), 4, 2);
        AppPreferences prefs = TestPrefs.fresh();
        prefs.setSafeContent(false);
        shell = new ShellOnStage(stage, AppServices.none(), prefs, 1280, 800);
        model = shell.model();
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    private List<Node> thumbs(FxRobot robot) {
        return List.copyOf(robot.lookup(".retrieved-thumb").queryAll());
    }

    @Test
    void multiSelectExcludeUndoListReincludeAndEnlarge(FxRobot robot) throws Exception {
        robot.interact(() -> model.openProject(project));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.projectProperty().get() != null);
        robot.clickOn("#rail-retrieval");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> thumbs(robot).size() == 4);
        ProjectStore store = model.projectProperty().get().store();
        int before = store.sampleTable().bySplit(Split.RETRIEVED).size();
        assertThat(robot.lookup("#tail-legend").queryAs(Labeled.class).getText()).containsIgnoringCase("tail");

        robot.clickOn(thumbs(robot).get(0));
        robot.press(KeyCode.SHIFT).clickOn(thumbs(robot).get(2)).release(KeyCode.SHIFT);
        assertThat(robot.lookup(".selected-thumb").queryAll()).hasSize(3);
        robot.press(KeyCode.CONTROL).clickOn(thumbs(robot).get(1)).release(KeyCode.CONTROL);
        assertThat(robot.lookup(".selected-thumb").queryAll()).hasSize(2);

        robot.clickOn("#exclude-selected");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> store.sampleTable().bySplit(Split.RETRIEVED).size() == before - 2
                && thumbs(robot).size() == 2);
        assertThat(RetrievedExclusions.all(store)).hasSize(2);
        ListView<?> excluded = robot.lookup("#excluded-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> excluded.getItems().size() == 2);

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> store.sampleTable().bySplit(Split.RETRIEVED).size() == before
                && thumbs(robot).size() == 4 && excluded.getItems().isEmpty());
        assertThat(RetrievedExclusions.all(store)).isEmpty();

        robot.clickOn(thumbs(robot).get(3));
        robot.clickOn("#exclude-selected");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> excluded.getItems().size() == 1 && thumbs(robot).size() == 3);
        robot.interact(() -> excluded.getSelectionModel().select(0));
        robot.clickOn("#reinclude");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> excluded.getItems().isEmpty() && thumbs(robot).size() == 4);
        assertThat(store.sampleTable().bySplit(Split.RETRIEVED)).hasSize(before);

        robot.doubleClickOn(thumbs(robot).get(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#enlarged-image").tryQuery().isPresent());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#enlarged-image").tryQuery().isEmpty());
    }

    @Test
    void matchedSaysNotRetrievedYetOnAProjectThatNeverRanRetrieval(FxRobot robot) throws Exception {
        Path fresh = Files.createTempDirectory("alor-fresh");
        Path dir = fresh.resolve("p");
        Path data = SyntheticBirds.writeImageFolder(fresh.resolve("dataset"), 2, 1);
        org.alor.data.DatasetImport imported = org.alor.data.DatasetImports.run(org.alor.data.ImportRequest.of(data)
                .withFormat(org.alor.data.DatasetFormat.IMAGE_FOLDER));
        org.alor.store.ProjectCreator.create(new org.alor.store.ProjectCreator.Spec(dir, imported, imported.classes(), null, null, null, 0.1, 0.2, 0));
        robot.interact(() -> model.openProject(dir));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.projectProperty().get() != null);
        robot.clickOn("#rail-retrieval");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#retrieval-classes").tryQuery().isPresent()
                && !robot.lookup("#retrieval-classes").queryAs(TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("not retrieved yet").queryAll()).isNotEmpty();
    }
}
