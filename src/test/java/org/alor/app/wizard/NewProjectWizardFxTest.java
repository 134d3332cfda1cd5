package org.alor.app.wizard;

import org.alor.app.SyntheticBirds;
import org.alor.app.common.BackgroundJobs;
import org.alor.app.shell.ShellView;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.alor.data.Split;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates a project from a generated ImageFolder through the wizard's screen. */
@ExtendWith(ApplicationExtension.class)
class NewProjectWizardFxTest {
    private final BackgroundJobs jobs = new BackgroundJobs();
    private final AtomicReference<Path> created = new AtomicReference<>();
    private NewProjectWizardModel model;
    private Path base;

    @Start
    void start(Stage stage) throws Exception {
        base = Files.createTempDirectory("alor-wizard");
        SyntheticBirds.writeImageFolder(base.resolve("birds"), 5, 11);
        model = new NewProjectWizardModel(jobs);
        NewProjectWizardView view = new NewProjectWizardView(model, () -> { }, created::set);
        Scene scene = new Scene(view.root(), 1100, 720);
        scene.getStylesheets().add(ShellView.LIGHT_CSS);
        stage.setScene(scene);
        stage.show();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void createsAProjectLikeAlorInit(FxRobot robot) throws Exception {
        Button next = robot.lookup("#wizard-next").queryButton();
        assertThat(next.isDisabled()).isTrue();
        Path project = base.resolve("new-project");
        robot.interact(() -> {
            robot.lookup("#wizard-project-dir").<TextField>query().setText(project.toString());
            robot.lookup("#wizard-dataset-dir").<TextField>query().setText(base.resolve("missing").toString());
        });
        robot.clickOn("#wizard-scan");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#error-dataset").queryLabeled().getText()).isEqualTo("Choose an existing dataset folder.");
        assertThat(next.isDisabled()).isTrue();

        robot.interact(() -> robot.lookup("#wizard-dataset-dir").<TextField>query().setText(base.resolve("birds").toString()));
        robot.clickOn("#wizard-scan");
        waitUntil(() -> model.previewProperty().get() != null);
        assertThat(robot.lookup("#wizard-preview").queryLabeled().getText()).startsWith("imagefolder · 6 classes · 30 images");
        assertThat(robot.lookup("#error-dataset").queryLabeled().getText()).isEmpty();
        robot.clickOn("#wizard-next");

        assertThat(model.stepProperty().get()).isEqualTo(NewProjectWizardModel.Step.CLASSES);
        robot.interact(() -> model.classes().get(0).commonNameProperty().set("Northern Cardinal"));
        robot.interact(() -> model.classes().get(1).nameProperty().set(model.classes().get(0).nameProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(next.isDisabled()).isTrue();
        assertThat(robot.lookup("#error-classes").queryLabeled().getText()).contains("Two classes are named");
        robot.interact(() -> model.classes().get(1).nameProperty().set("Setophaga petechia"));
        robot.interact(() -> model.classes().get(1).synonymsProperty().set("Setophaga petechia | Yellow Warbler | American Yellow Warbler"));
        robot.clickOn("#wizard-next");

        assertThat(model.stepProperty().get()).isEqualTo(NewProjectWizardModel.Step.CHECKPOINT);
        assertThat(robot.lookup("#wizard-checkpoint-hint").queryLabeled().getText()).contains("alor set --checkpoint=PATH " + project);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.alor.adapt.PromptTemplates> prompts = robot.lookup("#wizard-prompt-set").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> prompts.setValue(org.alor.adapt.PromptTemplates.BIRDS));
        Path checkpoint = Path.of("src/test/resources/fixtures/clip-tiny").toAbsolutePath();
        robot.interact(() -> robot.lookup("#wizard-checkpoint").<TextField>query().setText(checkpoint.toString()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(next.isDisabled()).isTrue();
        robot.clickOn("#wizard-check-checkpoint");
        waitUntil(() -> model.checkpointInfoProperty().get() != null || !model.checkpointErrorProperty().get().isEmpty());
        assertThat(model.checkpointErrorProperty().get()).isEmpty();
        assertThat(robot.lookup("#wizard-checkpoint-info").queryLabeled().getText()).contains("parameters").contains("will run on CPU");
        robot.clickOn("#wizard-next");

        robot.interact(() -> robot.lookup("#wizard-corpus").<TextField>query().setText(base.resolve("no-corpus").toString()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#error-corpus").queryLabeled().getText()).isEqualTo("The corpus path does not exist.");
        robot.interact(() -> robot.lookup("#wizard-corpus").<TextField>query().setText(""));
        robot.clickOn("#wizard-next");

        assertThat(model.stepProperty().get()).isEqualTo(NewProjectWizardModel.Step.SUMMARY);
        assertThat(robot.lookup("#wizard-summary").queryLabeled().getText()).contains("Classes: 6");
        robot.clickOn("#wizard-create");
        waitUntil(() -> created.get() != null);

        assertThat(created.get()).isEqualTo(project);
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.classTable().all()).hasSize(6);
            assertThat(store.classTable().all().get(0).mostCommonName()).isEqualTo("Northern Cardinal");
            assertThat(store.classTable().all().get(1).synonyms()).containsKeys("Yellow Warbler", "American Yellow Warbler");
            assertThat(store.sampleTable().countsBySplit().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(30);
            assertThat(store.sampleTable().countsBySplit()).containsKeys(Split.POOL, Split.VAL, Split.TEST);
            assertThat(store.settings().getString(Settings.DATASET_ROOT)).contains(base.resolve("birds").toAbsolutePath().normalize().toString());
            assertThat(store.settings().getString("dataset_format")).contains("imagefolder");
            assertThat(store.settings().getString(Settings.CHECKPOINT)).contains(checkpoint.normalize().toString());
            assertThat(store.settings().getString(Settings.CHECKPOINT_HASH)).isPresent();
            assertThat(store.settings().getString(Settings.CORPUS)).isEmpty();
            assertThat(store.settings().getString(Settings.PROMPT_SET)).contains("birds");
        }
        jobs.shutdown();
    }
}
