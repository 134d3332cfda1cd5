package org.alor.app.shell;

import org.alor.app.SyntheticBirds;
import org.alor.app.ShellOnStage;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.common.RecentProjects;
import org.alor.app.wizard.NewProjectWizardModel;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the main screens on a small synthetic bird project and saves each as a PNG in
 * target/screenshots/ (for a person to look at; the good ones are copied to assets/screenshots/).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsFxTest {
    private static final Path OUT = Path.of(System.getProperty("alor.testClasspathDir", "target"), "screenshots");
    private ShellOnStage shell;
    private final AppPreferences prefs = TestPrefs.fresh();
    private ShellViewModel model;
    private ShellView view;
    private Scene scene;
    private Path base;

    @Start
    void start(Stage stage) throws Exception {
        base = Files.createTempDirectory("alor-shots");
        prefs.setLabeler("ada");
        RecentProjects recent = new RecentProjects(prefs.node());
        recent.remember(new RecentProjects.Entry("semi-aves", "/data/projects/semi-aves", 200, 6, System.currentTimeMillis() - 86_400_000L * 3));
        recent.remember(new RecentProjects.Entry("aircraft-pilot", "/data/projects/aircraft-pilot", 100, 2, System.currentTimeMillis() - 86_400_000L));
        AppServices services = AppServices.none().withPredictions(SyntheticBirds.truthFirst());
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
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS); // background image loading
        WaitForAsyncUtils.waitForFxEvents();
        Files.createDirectories(OUT);
        WritableImage[] holder = new WritableImage[1];
        robot.interact(() -> holder[0] = scene.getRoot().snapshot(null, null));
        WritableImage img = holder[0];
        Path file = OUT.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
        assertThat(Files.size(file)).isGreaterThan(1000);
    }

    @Test
    void everyMainScreen(FxRobot robot) throws Exception {
        Path project = SyntheticBirds.project(base, 12, 24);
        robot.interact(() -> model.openProject(project));
        waitUntil(() -> model.projectProperty().get() != null);
        shoot(robot, "data");

        robot.clickOn("#rail-home");
        shoot(robot, "start");

        robot.clickOn("#rail-label");
        waitUntil(() -> robot.lookup("#labeling-pane").tryQuery().isPresent());
        robot.type(KeyCode.DIGIT1, KeyCode.DIGIT1);
        robot.push(KeyCode.CONTROL, KeyCode.U);
        robot.type(KeyCode.DIGIT2, KeyCode.DIGIT1);
        shoot(robot, "labeling");
        robot.type(KeyCode.T, KeyCode.A, KeyCode.C);
        shoot(robot, "labeling-search");
        robot.type(KeyCode.ESCAPE);
        robot.push(KeyCode.CONTROL, KeyCode.G);
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.SHIFT);
        robot.clickOn(robot.lookup(".grid-cell").nth(8).queryAs(javafx.scene.Node.class));
        robot.release(KeyCode.SHIFT);
        shoot(robot, "labeling-grid");
        robot.push(KeyCode.CONTROL, KeyCode.G);

        robot.clickOn("#rail-charts");
        waitUntil(() -> robot.lookup("#chart-overall").tryQuery().isPresent());
        shoot(robot, "charts");
        robot.clickOn("Per class");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#chart-per_class").queryAs(javafx.scene.Node.class));
        waitUntil(() -> robot.lookup("#class-detail .chart-viewer").tryQuery().isPresent()
                || robot.lookup("#class-detail").queryAs(javafx.scene.layout.StackPane.class).getChildren().get(0) instanceof org.jfree.chart.fx.ChartViewer);
        shoot(robot, "charts-per-class");

        robot.clickOn("#rail-retrieval");
        waitUntil(() -> robot.lookup("#long-tail-chart").tryQuery().isPresent());
        shoot(robot, "retrieval");

        robot.clickOn("#rail-runs");
        shoot(robot, "runs");
        robot.clickOn("#rail-settings");
        shoot(robot, "settings");

        robot.interact(() -> {
            prefs.setTheme(AppPreferences.Theme.DARK);
            model.applyPreferences();
        });
        robot.clickOn("#rail-label");
        waitUntil(() -> robot.lookup("#labeling-pane").tryQuery().isPresent());
        shoot(robot, "labeling-dark");
        robot.interact(() -> {
            prefs.setTheme(AppPreferences.Theme.LIGHT);
            model.applyPreferences();
        });

        NewProjectWizardModel wizard = new NewProjectWizardModel(shell.jobs());
        robot.interact(() -> {
            view.showWizard(wizard);
            wizard.projectDirProperty().set(base.resolve("my-birds").toString());
            wizard.datasetDirProperty().set(base.resolve("dataset").toString());
            wizard.startPreview();
        });
        waitUntil(() -> wizard.previewProperty().get() != null);
        shoot(robot, "wizard");
        robot.clickOn("#wizard-next");
        shoot(robot, "wizard-classes");
    }
}
