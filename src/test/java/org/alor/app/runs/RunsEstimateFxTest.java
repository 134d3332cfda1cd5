package org.alor.app.runs;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.common.BackgroundJobs;
import org.alor.app.common.OpenProject;
import org.alor.app.shell.AppServices;
import org.alor.app.shell.ShellViewModel;
import org.alor.clip.ClipModelFactory;
import org.alor.data.ClassInfo;
import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.alor.loop.Method;
import org.alor.loop.Precision;
import org.alor.loop.estimate.DeviceRates;
import org.alor.loop.estimate.ProjectEstimate;
import org.alor.loop.estimate.ProjectSizes;
import org.alor.loop.estimate.StageRates;
import org.alor.store.ProjectOverview;
import org.alor.store.ProjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The Runs page shows the estimate of the round on the form, read in the background, and calibrates on request. */
@ExtendWith(ApplicationExtension.class)
class RunsEstimateFxTest {
    private final BackgroundJobs jobs = new BackgroundJobs();
    private final AppPreferences prefs = TestPrefs.fresh();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean calibrated = new AtomicBoolean();
    private volatile boolean cacheEmpty;
    private final CountDownLatch calibrationMayEnd = new CountDownLatch(1);
    private volatile CancellationToken calibrationToken;
    private ProjectStore store;

    private static final ProjectEstimate.Result RESULT = new ProjectEstimate.Result(
            new ProjectSizes(2, 400, 100, 100, 1000, 0, -1, ClipModelFactory.vitB32QuickGelu()), 151_000_000,
            new DeviceRates("CPU, 2 threads", "measured on this machine", "2026-12-03T17:00:00Z",
                    new StageRates(100, 400, 10, 8, 0.2, 2), new StageRates(300, 1200, 30, 24, 0.1, 2), "", 50_000, 2, 512, 30,
                    List.of()),
            ProjectEstimate.RatesFrom.CACHED, List.of(), List.of(), List.of());

    @Start
    void start(Stage stage) throws Exception {
        store = ProjectStore.create(Files.createTempDirectory("alor-estimate"));
        store.classTable().replace(List.of(ClassInfo.named(0, "Sialia sialis"), ClassInfo.named(1, "Turdus migratorius")));
        RoundEstimates slow = new RoundEstimates() {
            @Override
            public Optional<ProjectEstimate.Result> cached(ProjectStore s, String device) {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return cacheEmpty && !calibrated.get() ? Optional.empty() : Optional.of(RESULT);
            }

            @Override
            public ProjectEstimate.Result calibrate(ProjectStore s, String device, Progress progress, CancellationToken token) {
                calibrationToken = token;
                try {
                    calibrationMayEnd.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                calibrated.set(true);
                return RESULT;
            }
        };
        ShellViewModel model = new ShellViewModel(jobs, AppServices.none(), prefs);
        RunsView view = new RunsView(model, new OpenProject(store, ProjectOverview.read(store, false)),
                model.services().rounds(), slow);
        stage.setScene(new Scene(view.root(), 1100, 720));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        calibrationMayEnd.countDown();
        jobs.shutdown();
        store.close();
        TestPrefs.release(prefs);
    }

    @Test
    void saysEstimatingWithoutBlockingThenShowsBothPrecisionsOfTheChosenRound(FxRobot robot) throws Exception {
        Label estimate = robot.lookup("#round-estimate").queryAs(Label.class);
        @SuppressWarnings("unchecked")
        ComboBox<Method> method = robot.lookup("#round-method").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<Precision> precision = robot.lookup("#round-precision").queryAs(ComboBox.class);
        // the reading has not returned, yet the page answers: the choice changes at once
        long t0 = System.nanoTime();
        robot.interact(() -> precision.setValue(Precision.BF16));
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
        assertThat(estimate.getText()).isEqualTo("estimating…");

        release.countDown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> estimate.getText().startsWith("≈"));
        WaitForAsyncUtils.waitForFxEvents();
        String ct = RoundEstimateText.of(RESULT, Method.CT, 10, 128, true, Precision.BF16).text();
        assertThat(estimate.getText()).isEqualTo(ct).matches("≈ .+ \\(bf16\\) · .+ \\(fp32\\)");
        assertThat(estimate.getTooltip().getText()).contains("CT round").contains("RDA on").contains("measured on this machine");

        robot.interact(() -> method.setValue(Method.PT));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> estimate.getText().equals(
                RoundEstimateText.of(RESULT, Method.PT, 10, 32, true, Precision.BF16).text()));
        robot.interact(() -> precision.setValue(Precision.FP32));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> estimate.getText().matches("≈ .+ \\(fp32\\) · .+ \\(bf16\\)"));
        assertThat(robot.lookup("#estimate-calibrate").queryAs(Button.class).isVisible()).isFalse();
    }

    @Test
    void withoutACalibrationOffersToMeasureTheDeviceOnceThenShowsTheEstimate(FxRobot robot) throws Exception {
        cacheEmpty = true;
        @SuppressWarnings("unchecked")
        ComboBox<Method> method = robot.lookup("#round-method").queryAs(ComboBox.class);
        robot.interact(() -> method.setValue(Method.FT)); // a fresh reading, now with nothing cached
        release.countDown();
        Label estimate = robot.lookup("#round-estimate").queryAs(Label.class);
        Button calibrate = robot.lookup("#estimate-calibrate").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, calibrate::isVisible);
        assertThat(estimate.getText()).startsWith("No time estimate yet");
        robot.clickOn(calibrate);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> calibrationToken != null);
        assertThat(estimate.getText()).startsWith("estimating…");
        // a choice changed while the device is measured neither cancels the measuring nor reads a half-written cache
        robot.interact(() -> method.setValue(Method.CT));
        calibrationMayEnd.countDown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> estimate.getText().startsWith("≈"));
        assertThat(calibrated).isTrue();
        assertThat(estimate.getText()).isEqualTo(RoundEstimateText.of(RESULT, Method.CT, 10, 128, true,
                robot.lookup("#round-precision").queryAs(ComboBox.class).getValue() == Precision.BF16 ? Precision.BF16
                        : Precision.FP32).text());
        assertThat(calibrationToken.isCancelled()).as("the finished calibration is not marked cancelled").isFalse();
        assertThat(calibrate.isVisible()).isFalse();
    }
}
