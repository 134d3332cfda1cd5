package org.alor.app.shell;

import org.alor.app.ShellOnStage;
import org.alor.app.SyntheticBirds;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.common.Page;
import org.alor.app.common.RecentProjects;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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

/** Issue 17 item 6: the status bar follows labels as they are saved; Recent projects counts the rounds that ran. */
@ExtendWith(ApplicationExtension.class)
class StatusFollowsTheProjectFxTest {
    private ShellOnStage shell;
    private final AppPreferences prefs = TestPrefs.fresh();
    private ShellViewModel model;
    private Path project;

    @Start
    void start(Stage stage) throws Exception {
        project = SyntheticBirds.project(Files.createTempDirectory("alor-status"), 4, 3);
        shell = new ShellOnStage(stage, AppServices.none().withPredictions(SyntheticBirds.truthFirst()), prefs, 1200, 760);
        model = shell.model();
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    private void open(FxRobot robot) throws Exception {
        robot.interact(() -> model.openProject(project));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.projectProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theStatusBarCountsLabelsAsTheyAreSaved(FxRobot robot) throws Exception {
        open(robot);
        assertThat(model.statusProperty().get()).contains(" 0 labeled");
        robot.interact(() -> model.pageProperty().set(Page.LABEL));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#labeling-pane").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.statusProperty().get().contains(" 1 labeled"));
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.statusProperty().get().contains(" 2 labeled"));
    }

    @Test
    void recentProjectsCountTheRoundsThatRanNotThoseLeftUnfinished(FxRobot robot) throws Exception {
        open(robot);
        ProjectStore store = model.projectProperty().get().store();
        // round 2 (waiting for labels) closes, round 3 runs to its picks, round 4 is cancelled while training
        store.roundTable().updateStatus(2, RoundStatus.DONE);
        store.roundTable().insert(RoundRecord.planned(3, "lp", "tfs", 0, 3));
        store.roundTable().updateStatus(3, RoundStatus.DONE);
        store.roundTable().insert(RoundRecord.planned(4, "ct", "tfs", 0, 3));
        store.roundTable().updateStatus(4, RoundStatus.TRAINING);
        robot.interact(model::refreshOverview);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.recentProjects().get(0).rounds() == 4);
        assertThat(new RecentProjects(prefs.node()).list().get(0).rounds()).isEqualTo(4);
    }
}
