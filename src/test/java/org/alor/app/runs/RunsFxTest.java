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
        assertThat(asked).isEqualTo(RoundSpec.builder(Method.CT, "tfs").optBudget(2).optEpochs(10).optBatchSize(Method.CT.defaultBatchSize())
                .optPrecision(RunsView.defaultPrecision(store.settings(), Precision.bf16Unavailable("auto").isEmpty()))
                .optRound0(Round0Mode.RETRIEVED_ONLY).build());
        XYSeriesCollection curves = view.curves();
        assertThat(curves.getSeries("train loss").getItemCount()).isEqualTo(20);
        assertThat(curves.getSeries("val accuracy").getItemCount()).isEqualTo(4);
        assertThat(((RunsView.RoundRow) table.getItems().get(0)).testAccuracy()).isEqualTo("55.0 %");

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
    void aRunningRoundShowsExactlyOneEtaInTheOneFormat(FxRobot robot) throws Exception {
        // issue 17 item 8: "ETA 2594 s" beside "ETA 3 min" — one ETA, in EtaText's format
        java.util.Set<String> etaTexts = java.util.Collections.synchronizedSet(new java.util.TreeSet<>());
        int[] mostAtOnce = {0};
        robot.interact(() -> {
            List<javafx.scene.control.Labeled> labels = robot.from(view.root()).lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled)
                    .queryAllAs(javafx.scene.control.Labeled.class).stream().toList();
            for (javafx.scene.control.Labeled l : labels) {
                l.textProperty().addListener((o, a, t) -> {
                    List<String> shown = labels.stream().map(javafx.scene.control.Labeled::getText)
                            .filter(x -> x != null && x.contains("ETA")).toList();
                    mostAtOnce[0] = Math.max(mostAtOnce[0], shown.size());
                    shown.forEach(x -> etaTexts.add(x.substring(x.indexOf("ETA"))));
                });
            }
        });
        robot.clickOn("#start-round");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.jobRunningProperty().get() && asked != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mostAtOnce[0]).as("ETA texts on the page at one time").isEqualTo(1);
        assertThat(etaTexts).isNotEmpty().allMatch(t -> t.matches("ETA \\d+ s|ETA \\d+ min( \\d+ s)?"), "EtaText's format");
    }

    @Test
    void methodAndStrategyListsExplainEveryChoice(FxRobot robot) {
        // issue 17 item 10: not bare acronyms; the facts of docs/ALOR.md
        robot.clickOn("#round-method");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> methods = robot.lookup(".combo-box-popup .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .map(javafx.scene.control.ListCell::getText).filter(t -> t != null && !t.isBlank()).toList();
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        assertThat(methods).hasSize(Method.values().length).allMatch(t -> t.matches("[A-Z]{2} — .+: .+"), "name — full name: what it does");
        assertThat(methods).anyMatch(t -> t.startsWith("CT — contrastive tuning: ") && t.contains("both towers"));
        javafx.scene.control.Labeled methodNote = robot.lookup("#round-method-note").queryLabeled();
        assertThat(methodNote.getText()).contains("both towers");
        assertThat(((javafx.scene.text.Text) methodNote.lookup(".text")).getText().replace("\n", " ").replace("  ", " "))
                .as("the note wraps, whole").isEqualTo(methodNote.getText());
        assertThat(robot.lookup("#round-strategy-note").queryLabeled().getText()).startsWith("Tail First Sampling");

        robot.clickOn("#round-strategy");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> strategies = robot.lookup(".combo-box-popup .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .map(javafx.scene.control.ListCell::getText).filter(t -> t != null && !t.isBlank()).toList();
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        assertThat(strategies).hasSize(org.alor.select.Strategies.NAMES.size()).allMatch(t -> t.contains(" — ") && t.contains(": "));
        assertThat(strategies).anyMatch(t -> t.startsWith("TFS — Tail First Sampling: ") && t.contains("fewest"));

        javafx.scene.control.ComboBox<Method> method = robot.lookup("#round-method").queryComboBox();
        robot.interact(() -> method.setValue(Method.LP));
        assertThat(robot.lookup("#round-method-note").queryLabeled().getText()).contains("frozen");
    }

    @Test
    void theExplainedFormFitsDemoModeBesideTheRail(FxRobot robot) {
        // the page beside the demo-mode rail of a 1280-pixel window: no form label, list or button cut to "…"
        robot.interact(() -> {
            view.root().getScene().getStylesheets().add(ShellView.DEMO_CSS);
            view.root().getScene().getWindow().setWidth(1160);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node form = robot.lookup("#round-method").query().getParent();
        List<String> cut = robot.from(form).lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled)
                .queryAllAs(javafx.scene.control.Labeled.class).stream()
                .filter(l -> l.getText() != null && !l.getText().isEmpty() && !l.isWrapText())
                .filter(l -> l.lookup(".text") instanceof javafx.scene.text.Text t && !t.getText().equals(l.getText()))
                .map(javafx.scene.control.Labeled::getText).toList();
        assertThat(cut).isEmpty();
        javafx.scene.control.Labeled start = robot.lookup("#start-round").queryLabeled();
        assertThat(((javafx.scene.text.Text) start.lookup(".text")).getText()).isEqualTo("Start round");
    }

    @Test
    void numbersTypedIntoTheSpinnersReachTheRound(FxRobot robot) throws Exception {
        javafx.scene.control.Spinner<?> epochs = robot.lookup("#round-epochs").queryAs(javafx.scene.control.Spinner.class);
        robot.interact(() -> epochs.getEditor().setText(""));
        robot.clickOn(epochs.getEditor()).write("3");
        robot.clickOn("#round-rda");
        robot.clickOn("#start-round"); // no Enter: the typed value must still count
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.jobRunningProperty().get() && asked != null);
        assertThat(asked.epochs()).isEqualTo(3);
        assertThat(asked.rda()).as("RDA unticked on the form").isFalse();
    }

    @Test
    void theBatchIsTheMethodsRecipeAsOnTheCommandLine(FxRobot robot) throws Exception {
        javafx.scene.control.Spinner<?> batch = robot.lookup("#round-batch").queryAs(javafx.scene.control.Spinner.class);
        javafx.scene.control.ComboBox<Method> method = robot.lookup("#round-method").queryComboBox();
        robot.interact(() -> method.setValue(Method.CT));
        assertThat(batch.getValue()).isEqualTo(Method.CT.defaultBatchSize()).isEqualTo(128);
        robot.interact(() -> method.setValue(Method.PT));
        assertThat(batch.getValue()).isEqualTo(Method.PT.defaultBatchSize()).isEqualTo(32);
        robot.interact(() -> method.setValue(Method.FT));
        robot.clickOn("#start-round");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.jobRunningProperty().get() && asked != null);
        assertThat(asked.batchSize()).as("what `alor round --method ft` trains with").isEqualTo(Method.FT.defaultBatchSize());
    }

    @Test
    void theLiveChartCountsEpochsInWholeNumbers(FxRobot robot) {
        org.jfree.chart.fx.ChartViewer viewer = robot.lookup("#live-curves").queryAs(org.jfree.chart.fx.ChartViewer.class);
        org.jfree.chart.axis.NumberAxis x = (org.jfree.chart.axis.NumberAxis) viewer.getChart().getXYPlot().getDomainAxis();
        assertThat(x.getStandardTickUnits().getCeilingTickUnit(0.05).getSize()).as("smallest epoch tick").isEqualTo(1.0);
    }
}
