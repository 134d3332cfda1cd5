package org.alor.app.retrieval;

import org.alor.app.shell.AppServices;
import org.alor.app.SyntheticBirds;
import org.alor.app.ShellOnStage;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.shell.ShellViewModel;

import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Retrieval view: safe-content placeholders until the project allows its images; right-click → Exclude image. */
@ExtendWith(ApplicationExtension.class)
class RetrievalExcludeFxTest {
    private ShellOnStage shell;
    private final AppPreferences prefs = TestPrefs.fresh();
    private ShellViewModel model;
    private Path project;

    @Start
    void start(Stage stage) throws Exception {
        project = SyntheticBirds.project(Files.createTempDirectory("alor-exclude"), 4, 2);
        prefs.setSafeContent(true);
        shell = new ShellOnStage(stage, AppServices.none(), prefs, 1280, 800);
        model = shell.model();
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    @Test
    void placeholdersUntilAllowedThenRightClickExcludesAnImageForGood(FxRobot robot) throws Exception {
        robot.interact(() -> model.openProject(project));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.projectProperty().get() != null);
        robot.clickOn("#rail-retrieval");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".retrieved-thumb").tryQuery().isPresent());
        assertThat(robot.lookup(".safe-placeholder").queryAll()).hasSize(4);

        robot.clickOn("#allow-retrieved-images");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".safe-placeholder").tryQuery().isEmpty()
                && robot.lookup(".retrieved-thumb").tryQuery().isPresent());
        ProjectStore store = model.projectProperty().get().store();
        assertThat(store.settings().getBoolean(RetrievedImageExclusion.SHOW_RETRIEVED_IMAGES, false)).isTrue();

        int before = store.sampleTable().bySplit(Split.RETRIEVED).size();
        javafx.scene.Node cell = robot.lookup(".retrieved-thumb").nth(0).queryAs(javafx.scene.Node.class);
        robot.clickOn(cell, MouseButton.SECONDARY);
        if (robot.lookup("Exclude image").tryQuery().isEmpty()) {
            // headless Monocle does not turn a secondary click into a context-menu request; send it as the OS would
            javafx.geometry.Bounds b = cell.localToScreen(cell.getBoundsInLocal());
            robot.interact(() -> cell.fireEvent(new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    10, 10, b.getMinX() + 10, b.getMinY() + 10, false, null)));
        }
        robot.clickOn("Exclude image");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> store.sampleTable().bySplit(Split.RETRIEVED).size() == before - 1);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".retrieved-thumb").queryAll().size() == 3);
        assertThat(RetrievedExclusions.all(store)).containsExactly("0\tsynthetic-000\t0-0");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.statusProperty().get().contains((before - 1) + " retrieved"));
        assertThat(project.resolve("retrieval/0/r0.png")).doesNotExist();
    }
}
