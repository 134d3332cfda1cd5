package org.alor.app.start;

import org.alor.app.shell.AppServices;
import org.alor.app.ShellOnStage;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.label.StorePredictions;
import org.alor.app.retrieval.ProjectRetrievalRunner;
import org.alor.app.runs.EngineRoundRunner;
import org.alor.app.shell.ShellView;
import org.alor.app.shell.ShellViewModel;
import org.alor.app.wizard.NewProjectWizardModel;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README screenshots from the real app on the real sample project: prepare it with the CLI
 * ({@code alor init … && alor retrieve … && alor round … --oracle}), then
 * {@code mvn -o test -Dalor.excludedGroups=none -Dgroups=benchmark -Dtest=SampleScreenshotsFxTest -Dalor.screenshotProject=DIR};
 * the PNGs land in target/screenshots-sample/ (start, wizard, retrieval, labeling, charts). This test runs a
 * real round (which stops for labeling) on that project.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class SampleScreenshotsFxTest {
    private static final Path OUT = Path.of("target", "screenshots-sample");
    private ShellOnStage shell;
    private final AppPreferences prefs = TestPrefs.fresh();
    private ShellViewModel model;
    private ShellView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        prefs.setLabeler("ada");
        AppServices services = AppServices.none().withSampleProject(new SampleProject()).withPredictions(new StorePredictions())
                .withRounds(new EngineRoundRunner()).withRetrieval(new ProjectRetrievalRunner());
        shell = new ShellOnStage(stage, services, prefs, 1280, 800);
        model = shell.model();
        view = shell.view();
        scene = shell.scene();
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    private void waitUntil(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.sleep(1200, TimeUnit.MILLISECONDS); // background image loading
        WaitForAsyncUtils.waitForFxEvents();
        Files.createDirectories(OUT);
        WritableImage[] holder = new WritableImage[1];
        robot.interact(() -> holder[0] = scene.getRoot().snapshot(null, null));
        Path file = OUT.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(holder[0], null), "png", file.toFile());
        assertThat(Files.size(file)).isGreaterThan(1000);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReadmeScreens(FxRobot robot) throws Exception {
        Path project = Path.of(System.getProperty("alor.screenshotProject"));
        robot.interact(() -> model.openProject(project));
        waitUntil(() -> model.projectProperty().get() != null && !model.jobRunningProperty().get());

        robot.clickOn("#rail-home");
        shoot(robot, "start");

        robot.clickOn("#rail-retrieval");
        waitUntil(() -> robot.lookup("#long-tail-chart").tryQuery().isPresent());
        shoot(robot, "retrieval");

        robot.clickOn("#rail-charts");
        waitUntil(() -> robot.lookup("#chart-overall").tryQuery().isPresent());
        shoot(robot, "charts");

        robot.clickOn("#rail-runs");
        ComboBox<org.alor.loop.Method> method = robot.lookup("#round-method").queryAs(ComboBox.class);
        robot.interact(() -> method.setValue(org.alor.loop.Method.LP));
        robot.clickOn("#start-round");
        waitUntil(() -> robot.lookup("#suggestion-1").tryQuery().isPresent());
        robot.type(KeyCode.DIGIT1, KeyCode.DIGIT1, KeyCode.DIGIT2);
        shoot(robot, "labeling");

        NewProjectWizardModel wizard = new NewProjectWizardModel(shell.jobs());
        Path sample = SampleProject.sampleData().orElseThrow().resolve("synthetic-aves");
        robot.interact(() -> {
            view.showWizard(wizard);
            wizard.projectDirProperty().set(System.getProperty("user.home") + "/alor-projects/my-birds");
            wizard.datasetDirProperty().set(sample.toString());
            wizard.startPreview();
        });
        waitUntil(() -> wizard.previewProperty().get() != null);
        shoot(robot, "wizard");
    }
}
