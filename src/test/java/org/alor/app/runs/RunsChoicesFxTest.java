package org.alor.app.runs;

import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.common.BackgroundJobs;
import org.alor.app.common.OpenProject;
import org.alor.app.shell.AppServices;
import org.alor.app.shell.ShellView;
import org.alor.app.shell.ShellViewModel;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.alor.data.ClassInfo;
import org.alor.loop.Method;
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
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 8: the Runs page keeps its choices per project, across leaving the page and reopening the project. */
@ExtendWith(ApplicationExtension.class)
class RunsChoicesFxTest {
    private final BackgroundJobs jobs = new BackgroundJobs();
    private final AppPreferences prefs = TestPrefs.fresh();
    private ShellViewModel model;
    private Stage stage;
    private Path dirA;
    private Path dirB;
    private ProjectStore store;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dirA = Files.createTempDirectory("alor-runs-a");
        dirB = Files.createTempDirectory("alor-runs-b");
        for (Path d : List.of(dirA, dirB)) {
            try (ProjectStore s = ProjectStore.create(d)) {
                s.classTable().replace(List.of(ClassInfo.named(0, "Sialia sialis"), ClassInfo.named(1, "Turdus migratorius")));
            }
        }
        model = new ShellViewModel(jobs, AppServices.none(), prefs);
    }

    @AfterEach
    void tearDown() {
        jobs.shutdown();
        if (store != null) store.close();
        TestPrefs.release(prefs);
    }

    private void show(FxRobot robot, Path dir) {
        robot.interact(() -> {
            if (store != null) store.close();
            store = ProjectStore.open(dir);
            RunsView view = new RunsView(model, new OpenProject(store, ProjectOverview.read(store, false)), model.services().rounds());
            Scene scene = new Scene(view.root(), 1100, 720);
            scene.getStylesheets().add(ShellView.LIGHT_CSS);
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theChoicesComeBackForTheSameProjectOnly(FxRobot robot) {
        show(robot, dirA);
        ComboBox<Method> method = robot.lookup("#round-method").queryComboBox();
        ComboBox<String> strategy = robot.lookup("#round-strategy").queryComboBox();
        robot.interact(() -> {
            method.setValue(Method.LP);
            strategy.setValue("entropy");
        });
        Spinner<?> epochs = robot.lookup("#round-epochs").queryAs(Spinner.class);
        robot.interact(() -> epochs.getEditor().setText(""));
        robot.clickOn(epochs.getEditor()).write("3"); // typed, not committed with Enter
        Spinner<?> budget = robot.lookup("#round-budget").queryAs(Spinner.class);
        robot.interact(() -> budget.getEditor().setText(""));
        robot.clickOn(budget.getEditor()).write("7");
        robot.clickOn("#round-method"); // focus leaves the budget field
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        robot.clickOn("#round-rda"); // RDA off: train on the labeled images only

        show(robot, dirB); // another project: its own (default) choices
        assertThat(robot.lookup("#round-method").queryComboBox().getValue()).isEqualTo(Method.CT);
        assertThat(robot.lookup("#round-epochs").queryAs(Spinner.class).getValue()).isEqualTo(10);
        assertThat(robot.lookup("#round-rda").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();

        show(robot, dirA); // the project reopened: what was chosen last
        assertThat(robot.lookup("#round-method").queryComboBox().getValue()).isEqualTo(Method.LP);
        assertThat(robot.lookup("#round-strategy").queryComboBox().getValue()).isEqualTo("entropy");
        assertThat(robot.lookup("#round-epochs").queryAs(Spinner.class).getValue()).isEqualTo(3);
        assertThat(robot.lookup("#round-budget").queryAs(Spinner.class).getValue()).isEqualTo(7);
        assertThat(robot.lookup("#round-rda").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isFalse();
    }

    @Test
    void thePrecisionChosenComesBackAndIsTheProjectsSetting(FxRobot robot) throws Exception {
        show(robot, dirA);
        ComboBox<org.alor.loop.Precision> precision = robot.lookup("#round-precision").queryComboBox();
        org.alor.loop.Precision other = precision.getValue() == org.alor.loop.Precision.FP32
                && org.alor.loop.Precision.bf16Unavailable("auto").isEmpty() ? org.alor.loop.Precision.BF16 : org.alor.loop.Precision.FP32;
        robot.interact(() -> precision.setValue(other));
        show(robot, dirB);
        show(robot, dirA);
        assertThat(robot.lookup("#round-precision").queryComboBox().getValue()).isEqualTo(other);
        assertThat(org.alor.loop.Precision.configured(store.settings())).as("what `alor round` uses by default").contains(other);
    }
}
