package org.alor.app.runs;

import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.common.BackgroundJobs;
import org.alor.app.common.OpenProject;
import org.alor.app.shell.AppServices;
import org.alor.app.shell.ShellView;
import org.alor.app.shell.ShellViewModel;
import org.alor.job.CancellationToken;
import org.alor.job.Phase;
import org.alor.job.Progress;
import org.alor.loop.FeatureSource;
import org.alor.loop.Method;
import org.alor.loop.ModelBackend;
import org.alor.loop.Precision;
import org.alor.loop.RoundSpec;
import org.alor.loop.SyntheticWorld;
import org.alor.loop.TextEncoder;
import org.alor.store.LabelState;
import org.alor.store.ProjectOverview;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 17 item 7: a cancelled LP round is shown as cancelled; choosing ZS does not resume it silently but offers
 * "Resume LP round 1" and "Discard and start ZS"; discarding keeps every label.
 */
@ExtendWith(ApplicationExtension.class)
class UnfinishedRoundFxTest {
    private static final SyntheticWorld WORLD = new SyntheticWorld();
    private final BackgroundJobs jobs = new BackgroundJobs();
    private final AppPreferences prefs = TestPrefs.fresh();
    private ProjectStore store;
    private ShellViewModel model;
    private Map<Long, LabelState> labels;

    private static final ModelBackend.Factory FAKE = (device, threads) -> new ModelBackend() {
        @Override
        public FeatureSource featureSource(ProjectStore store) {
            return WORLD.featureSource(store);
        }

        @Override
        public TextEncoder textEncoder(ProjectStore store) {
            return WORLD.textEncoder();
        }
    };

    @Start
    void start(Stage stage) throws Exception {
        store = SyntheticWorld.create(Files.createTempDirectory("alor-unfinished"));
        model = new ShellViewModel(jobs, AppServices.none().withBackends(FAKE), prefs);
        EngineRoundRunner runner = new EngineRoundRunner();
        RoundSpec lp = RunsView.spec(store.settings(), Method.LP, "tfs", 4, 2, 16, Precision.FP32);
        runner.runRound(model.session(store), lp, Progress.NONE, new CancellationToken()); // round 0, waiting for labels
        store.labelLog().label(store.roundTable().selections(0).get(0).sampleId(), 0, "person", 0);
        CancellationToken token = new CancellationToken();
        Progress cancelInTraining = new Progress() {
            @Override
            public void phase(Phase phase, long done, long total, String message) {
                if (phase == Phase.TRAINING && done == 0) token.cancel();
            }
        };
        assertThatThrownBy(() -> runner.runRound(model.session(store), lp, cancelInTraining, token))
                .isInstanceOf(CancellationException.class);
        labels = store.labelLog().current();

        RunsView view = new RunsView(model, new OpenProject(store, ProjectOverview.read(store, false)), runner);
        Scene scene = new Scene(view.root(), 1100, 720);
        scene.getStylesheets().add(ShellView.LIGHT_CSS);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        jobs.shutdown();
        model.close();
        store.close();
        TestPrefs.release(prefs);
    }

    private TableView<RunsView.RoundRow> table(FxRobot robot) {
        return robot.lookup("#round-table").queryTableView();
    }

    private void choose(FxRobot robot, Method m) {
        ComboBox<Method> method = robot.lookup("#round-method").queryComboBox();
        robot.interact(() -> method.setValue(m));
    }

    @Test
    void aCancelledRoundIsShownAsSuchAndAnotherMethodAsksBeforeDiscarding(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 2);
        assertThat(table(robot).getItems().get(1).status()).isEqualTo("cancelled during training (unfinished)");
        assertThat(table(robot).getItems().get(0).status()).isEqualTo("done");

        choose(robot, Method.ZS);
        robot.clickOn("#start-round");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.jobRunningProperty().get()).as("nothing starts before the choice").isFalse();
        assertThat(robot.lookup("#unfinished-choice").query().isVisible()).isTrue();
        assertThat(robot.lookup("#resume-round").queryButton().getText()).isEqualTo("Resume LP round 1");
        assertThat(robot.lookup("#discard-round").queryButton().getText()).isEqualTo("Discard and start ZS");
        assertThat(store.roundTable().byIndex(1).orElseThrow().method()).isEqualTo("lp");

        robot.clickOn("#discard-round");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.jobRunningProperty().get()
                && store.roundTable().byIndex(1).map(r -> r.status() == RoundStatus.LABELING).orElse(false));
        RoundRecord r1 = store.roundTable().byIndex(1).orElseThrow();
        assertThat(r1.method()).isEqualTo("zeroshot");
        assertThat(store.labelLog().current()).isEqualTo(labels);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "waiting for labels".equals(table(robot).getItems().get(1).status()));
    }

    @Test
    void resumingRunsTheRoundAsItWasStarted(FxRobot robot) throws Exception {
        choose(robot, Method.ZS);
        robot.clickOn("#start-round");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#resume-round");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.jobRunningProperty().get()
                && store.roundTable().byIndex(1).map(r -> r.status() == RoundStatus.LABELING).orElse(false));
        assertThat(store.roundTable().byIndex(1).orElseThrow().method()).isEqualTo("lp");
        assertThat(robot.lookup("#unfinished-choice").query().isVisible()).isFalse();
    }

    @Test
    void theSameMethodContinuesTheRoundWithoutAsking(FxRobot robot) throws Exception {
        choose(robot, Method.LP);
        robot.clickOn("#start-round");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.jobRunningProperty().get()
                && store.roundTable().byIndex(1).map(r -> r.status() == RoundStatus.LABELING).orElse(false));
        assertThat(robot.lookup("#unfinished-choice").query().isVisible()).isFalse();
    }
}
