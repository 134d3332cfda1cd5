package org.alor.app.runs;

import org.alor.app.shell.AppServices;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.common.BackgroundJobs;
import org.alor.app.common.OpenProject;
import org.alor.app.shell.ShellView;
import org.alor.app.shell.ShellViewModel;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.alor.data.ClassInfo;
import org.alor.data.Split;
import org.alor.loop.Method;
import org.alor.loop.Precision;
import org.alor.loop.Round0Mode;
import org.alor.loop.RoundSpec;
import org.alor.store.MetricRow;
import org.alor.store.ProjectOverview;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Runs form starts the wired round runner, plots its live curves and shows the new round. */
@ExtendWith(ApplicationExtension.class)
class RunsFxTest {
    private final BackgroundJobs jobs = new BackgroundJobs();
    private final AppPreferences prefs = TestPrefs.fresh();
    private ProjectStore store;
    private ShellViewModel model;
    private RunsView view;
    private volatile RoundSpec asked;

    @Start
    void start(Stage stage) throws Exception {
        store = ProjectStore.create(Files.createTempDirectory("alor-runs"));
        store.classTable().replace(List.of(ClassInfo.named(0, "Sialia sialis"), ClassInfo.named(1, "Turdus migratorius")));
        RoundRunner fake = (session, request, progress, token) -> {
            ProjectStore s = session.store();
            asked = request;
            // 4 epochs of 5 steps
            for (int step = 1; step <= 20 && !token.isCancelled(); step++) {
                progress.step(1 + (step - 1) / 5, 4, 1 + (step - 1) % 5, 5, 2.0 / step, 120, 0.015 * (20 - step));
                if (step % 5 == 0) progress.epoch(step / 5, 4, 0.1 * step / 5);
                Thread.sleep(15);
            }
            s.roundTable().insert(RoundRecord.planned(0, request.method().key(), request.strategy(), 0, request.budget()));
            s.roundTable().saveMetrics(0, List.of(MetricRow.overall(Split.TEST, 0.55, 0.5, 20, 11)));
            s.roundTable().updateStatus(0, RoundStatus.DONE);
            return 0;
        };
        model = new ShellViewModel(jobs, AppServices.none().withRounds(fake), prefs);
        view = new RunsView(model, new OpenProject(store, ProjectOverview.read(store, false)), model.services().rounds());
        Scene scene = new Scene(view.root(), 1100, 720);
        scene.getStylesheets().add(ShellView.LIGHT_CSS);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        jobs.shutdown();
        store.close();
        TestPrefs.release(prefs);
    }

    @Test
    void startsARoundAndPlotsItsCurves(FxRobot robot) throws Exception {
        robot.clickOn("#start-round");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.jobRunningProperty().get() && asked != null);
        TableView<?> table = robot.lookup("#round-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(asked).isEqualTo(RoundSpec.builder(Method.CT, "tfs").optBudget(2).optEpochs(10).optBatchSize(32)
                .optPrecision(RunsView.defaultPrecision(store.settings(), Precision.bf16Unavailable("auto").isEmpty()))
                .optRound0(Round0Mode.RETRIEVED_ONLY).build());
        XYSeriesCollection curves = view.curves();
        assertThat(curves.getSeries("train loss").getItemCount()).isEqualTo(20);
        assertThat(curves.getSeries("val accuracy").getItemCount()).isEqualTo(4);
        assertThat(((RunsView.RoundRow) table.getItems().get(0)).testAccuracy()).isEqualTo("55.0 %");
        assertThat(RunsView.eta(0.5, TimeUnit.SECONDS.toNanos(30))).isEqualTo("ETA 30 s");
        assertThat(RunsView.eta(0.25, TimeUnit.MINUTES.toNanos(3))).isEqualTo("ETA 9 min");

        Path out = Path.of(System.getProperty("alor.testClasspathDir", "target"), "screenshots");
        Files.createDirectories(out);
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> img[0] = view.root().snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", out.resolve("runs-live.png").toFile());
    }

    @Test
    void aCancelledRoundSaysSoInsteadOfItsLastTrainingStep(FxRobot robot) throws Exception {
        robot.clickOn("#start-round");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.curves().getSeriesCount() > 0);
        robot.interact(model::cancelJob);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.jobRunningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#round-message").queryLabeled().getText())
                .isEqualTo("Cancelled: the round stays unfinished; Start round offers to resume or discard it.");
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS); // progress events still queued must not bring an ETA back
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#round-message").queryLabeled().getText()).startsWith("Cancelled");
    }

    @Test
    void numbersTypedIntoTheSpinnersReachTheRound(FxRobot robot) throws Exception {
        javafx.scene.control.Spinner<?> epochs = robot.lookup("#round-epochs").queryAs(javafx.scene.control.Spinner.class);
        robot.interact(() -> epochs.getEditor().setText(""));
        robot.clickOn(epochs.getEditor()).write("3");
        robot.clickOn("#start-round"); // no Enter: the typed value must still count
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.jobRunningProperty().get() && asked != null);
        assertThat(asked.epochs()).isEqualTo(3);
    }
}
