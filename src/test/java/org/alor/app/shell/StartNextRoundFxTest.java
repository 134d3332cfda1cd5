package org.alor.app.shell;

import org.alor.app.ShellOnStage;
import org.alor.app.SyntheticBirds;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.common.Page;
import org.alor.app.runs.RoundRunner;
import org.alor.loop.Method;
import org.alor.loop.RoundSpec;
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

/** Issue 17 item 3: "Start round N+1" on a completed Label page starts the round through the Runs page's Start. */
@ExtendWith(ApplicationExtension.class)
class StartNextRoundFxTest {
    private ShellOnStage shell;
    private final AppPreferences prefs = TestPrefs.fresh();
    private ShellViewModel model;
    private Path project;
    private volatile RoundSpec asked;
    private volatile Page pageWhenAsked;

    @Start
    void start(Stage stage) throws Exception {
        project = SyntheticBirds.project(Files.createTempDirectory("alor-next"), 4, 3);
        RoundRunner fake = (session, spec, progress, token) -> {
            pageWhenAsked = model.pageProperty().get();
            asked = spec;
            return 2; // a real round would return the new round, waiting for labels
        };
        shell = new ShellOnStage(stage, AppServices.none().withPredictions(SyntheticBirds.truthFirst()).withRounds(fake),
                prefs, 1200, 760);
        model = shell.model();
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    @Test
    void theNextRoundStartsFromTheRunsPageWithTheLabeledRoundsMethodAndStrategy(FxRobot robot) throws Exception {
        robot.interact(() -> model.openProject(project));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.projectProperty().get() != null);
        robot.interact(() -> model.pageProperty().set(Page.LABEL));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#labeling-pane").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 3; i++) robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#start-next-round").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
        robot.clickOn("#start-next-round");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> asked != null && !model.jobRunningProperty().get());
        assertThat(pageWhenAsked).isEqualTo(Page.RUNS);
        assertThat(asked.method()).isEqualTo(Method.CT);
        assertThat(asked.strategy()).isEqualTo("tfs");
    }
}
