package org.alor.app.shell;

import org.alor.app.ShellOnStage;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.common.TaskJob;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A long background job leaves the JavaFX thread free, shows in the status bar and can be cancelled. */
@ExtendWith(ApplicationExtension.class)
class ResponsivenessFxTest {
    private ShellOnStage shell;
    private final AppPreferences prefs = TestPrefs.fresh();
    private ShellViewModel model;

    @Start
    void start(Stage stage) {
        shell = new ShellOnStage(stage, AppServices.none(), prefs, 1000, 650);
        model = shell.model();
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    @Test
    void theUiThreadAnswersWithin100msWhileAJobRuns(FxRobot robot) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Task<Integer> job = new TaskJob<>("Fake training", (p, token) -> {
            started.countDown();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            int steps = 0;
            while (System.nanoTime() < end && !token.isCancelled()) {
                long spin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
                while (System.nanoTime() < spin) {
                    Math.sqrt(steps); // busy work, like a training step
                }
                p.notice("step " + ++steps);
            }
            if (token.isCancelled()) stopped.countDown();
            return steps;
        });
        robot.interact(() -> model.runJob(job));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        AtomicInteger pulses = new AtomicInteger();
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet();
            }
        };
        Platform.runLater(timer::start);
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            CountDownLatch ran = new CountDownLatch(1);
            long t0 = System.nanoTime();
            Platform.runLater(ran::countDown);
            assertThat(ran.await(2, TimeUnit.SECONDS)).isTrue();
            latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            Thread.sleep(30);
        }
        Platform.runLater(timer::stop);
        latencies.sort(Long::compare);
        assertThat(latencies.get(latencies.size() / 2)).as("median runLater latency (ms) of %s", latencies).isLessThan(100);
        assertThat(pulses.get()).as("pulses while the job runs").isGreaterThan(2);

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#job-title").queryLabeled().getText()).startsWith("Fake training — step ");
        assertThat(model.jobRunningProperty().get()).isTrue();
        robot.clickOn("#job-cancel");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !model.jobRunningProperty().get());
        assertThat(job.isCancelled()).isTrue();
        assertThat(stopped.await(5, TimeUnit.SECONDS)).as("the task's Cancel reaches the work's token").isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("Fake training cancelled");
    }

    @Test
    void aFailedJobShowsTheCauseInADialogWithCopyDetails(FxRobot robot) throws Exception {
        Task<Void> job = new TaskJob<>("Loading the checkpoint", p -> {
            throw new IllegalStateException("/models/clip.bin: not a CLIP checkpoint", new java.io.IOException("truncated file"));
        });
        robot.interact(() -> model.runJob(job));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("Loading the checkpoint failed");
        assertThat(pane.getContentText()).isEqualTo("/models/clip.bin: not a CLIP checkpoint: truncated file");
        assertThat(pane.getButtonTypes()).extracting(javafx.scene.control.ButtonType::getText).contains("Copy details");
        assertThat(((javafx.scene.control.TextArea) pane.getExpandableContent()).getText()).contains("Caused by: java.io.IOException");
        assertThat(model.statusProperty().get()).startsWith("Loading the checkpoint failed: ");
        robot.interact(() -> ((javafx.stage.Stage) pane.getScene().getWindow()).close());
    }

    @Test
    void aJobThatStopsOnItsCancellationTokenEndsCancelledWithoutAnErrorDialog(FxRobot robot) throws Exception {
        // the work may see the token and end before the task itself is marked cancelled: that is still a cancel
        Task<Void> job = new TaskJob<>("Fake round", p -> {
            throw new java.util.concurrent.CancellationException("cancelled");
        });
        robot.interact(() -> model.runJob(job));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !model.jobRunningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.statusProperty().get()).isEqualTo("Fake round cancelled");
        assertThat(robot.lookup(".dialog-pane").tryQuery()).as("no error dialog for a cancel").isEmpty();
    }
}
