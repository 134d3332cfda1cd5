package org.alor.app.start;

import org.alor.app.shell.AppServices;
import org.alor.app.ShellOnStage;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.label.StorePredictions;
import org.alor.app.retrieval.ProjectRetrievalRunner;
import org.alor.app.runs.EngineRoundRunner;
import org.alor.app.common.Page;
import org.alor.app.shell.ShellViewModel;

import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first-time user's path on the bundled sample, with the real services (tiny CLIP on CPU): Home → Open the
 * sample → Runs → Start round (LP) → the Label page shows round 0's TFS picks with the model's suggestions.
 */
@ExtendWith(ApplicationExtension.class)
class SampleFlowFxTest {
    private ShellOnStage shell;
    private final AppPreferences prefs = TestPrefs.fresh();
    private ShellViewModel model;
    private Path dataDir;
    private String previousDataDir;

    @Start
    void start(Stage stage) throws Exception {
        dataDir = Files.createTempDirectory("alor-sample-flow");
        previousDataDir = System.setProperty("alor.dataDir", dataDir.toString());
        AppServices services = AppServices.none().withSampleProject(new SampleProject()).withPredictions(new StorePredictions())
                .withRounds(new EngineRoundRunner()).withRetrieval(new ProjectRetrievalRunner());
        shell = new ShellOnStage(stage, services, prefs, 1280, 800);
        model = shell.model();
    }

    @AfterEach
    void tearDown() throws Exception {
        shell.close();
        if (previousDataDir == null) System.clearProperty("alor.dataDir");
        else System.setProperty("alor.dataDir", previousDataDir);
        try (Stream<Path> walk = Files.walk(dataDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void openingTheSampleAndRunningRoundZeroShowsThePicksWithinAMinuteAndTheUiStaysResponsive(FxRobot robot) throws Exception {
        long t0 = System.nanoTime();
        openSampleAndGoToRuns(robot);
        chooseMethod(robot, org.alor.loop.Method.LP);
        robot.clickOn("#start-round");

        List<Long> latencies = new ArrayList<>();
        while (model.jobRunningProperty().get() && latencies.size() < 20) {
            latencies.add(runLaterLatencyMillis());
            Thread.sleep(150);
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#suggestion-1").tryQuery().isPresent());
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("sample flow: open sample → round 0 picks on the Label page in %.1f s%n", seconds);
        assertThat(seconds).isLessThan(60);

        assertThat(latencies).as("runLater latencies sampled while the round ran").hasSizeGreaterThanOrEqualTo(3);
        latencies.sort(Long::compare);
        assertThat(latencies.get(latencies.size() / 2)).as("median runLater latency (ms) of %s", latencies).isLessThan(100);

        assertThat(model.pageProperty().get()).isEqualTo(Page.LABEL);
        ProjectStore store = model.projectProperty().get().store();
        RoundRecord round0 = store.roundTable().byIndex(0).orElseThrow();
        assertThat(round0.status()).isEqualTo(RoundStatus.LABELING);
        assertThat(round0.strategy()).isEqualTo("tfs");
        assertThat(store.roundTable().selections(0)).hasSize(store.classTable().all().size());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#labeling-header").queryLabeled().getText()).contains("0");
        assertThat(robot.lookup("#suggestion-2").tryQuery()).isPresent();
    }

    @Test
    void cancellingARealRoundLeavesASoundStoreAndTheNextStartContinuesIt(FxRobot robot) throws Exception {
        openSampleAndGoToRuns(robot);
        chooseMethod(robot, org.alor.loop.Method.LP);
        robot.clickOn("#start-round");
        ProjectStore store = model.projectProperty().get().store();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !store.roundTable().all().isEmpty());
        robot.interact(model::cancelJob);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.jobRunningProperty().get());
        assertThat(store.database().integrityCheck()).isEqualTo("ok");
        assertThat(store.roundTable().all()).hasSize(1);
        RoundStatus interrupted = store.roundTable().byIndex(0).orElseThrow().status();
        System.out.println("sample flow: cancelled round 0 stopped at " + interrupted);

        robot.clickOn("#start-round");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#suggestion-1").tryQuery().isPresent());
        assertThat(store.roundTable().all()).hasSize(1);
        assertThat(store.roundTable().byIndex(0).orElseThrow().status()).isEqualTo(RoundStatus.LABELING);
        assertThat(store.roundTable().selections(0)).hasSize(store.classTable().all().size());
        assertThat(store.database().integrityCheck()).isEqualTo("ok");
    }

    private void openSampleAndGoToRuns(FxRobot robot) throws Exception {
        robot.clickOn("#open-sample");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.projectProperty().get() != null && !model.jobRunningProperty().get());
        robot.clickOn("#rail-runs");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#start-round").tryQuery().isPresent());
        assertThat(robot.lookup("#round0-hint").tryQuery()).as("first-time hint about round 0 without retrieval").isPresent();
    }

    @SuppressWarnings("unchecked")
    private static void chooseMethod(FxRobot robot, org.alor.loop.Method method) {
        ComboBox<org.alor.loop.Method> box = robot.lookup("#round-method").queryAs(ComboBox.class);
        robot.interact(() -> box.setValue(method));
    }

    private static long runLaterLatencyMillis() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        long t0 = System.nanoTime();
        Platform.runLater(ran::countDown);
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }
}
