package org.alor.app.demo;

import org.alor.app.shell.AppServices;
import org.alor.app.ShellOnStage;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.shell.ShellView;
import org.alor.app.shell.ShellViewModel;
import org.alor.app.start.SampleProject;

import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Home → demo mode (large fonts) → ALOR vs standard active learning for rounds 0..2 animates both curves and both heat maps. */
@ExtendWith(ApplicationExtension.class)
class DemoFxTest {
    private ShellOnStage shell;
    private final AppPreferences prefs = TestPrefs.fresh();
    private ShellViewModel model;
    private Scene scene;
    private Path dataDir;
    private String previousDataDir;

    @Start
    void start(Stage stage) throws Exception {
        dataDir = Files.createTempDirectory("alor-demo");
        previousDataDir = System.setProperty("alor.dataDir", dataDir.toString());
        DemoTemplates.copyInto(dataDir.resolve("demo"));
        shell = new ShellOnStage(stage, AppServices.none().withSampleProject(new SampleProject()), prefs, 1280, 800);
        model = shell.model();
        scene = shell.scene();
    }

    @AfterEach
    void tearDown() throws Exception {
        shell.close();
        if (previousDataDir == null) System.clearProperty("alor.dataDir");
        else System.setProperty("alor.dataDir", previousDataDir);
        DemoRace.deleteTree(dataDir);
    }

    private void saveSnapshot(FxRobot robot, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        javafx.scene.image.WritableImage[] holder = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> holder[0] = scene.getRoot().snapshot(null, null));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(holder[0], null), "png", file.toFile());
    }

    @Test
    @SuppressWarnings("unchecked")
    void demoModeRaceAnimatesBothCurvesAndHeatMaps(FxRobot robot) throws Exception {
        robot.clickOn("#toggle-demo-mode");
        assertThat(scene.getStylesheets()).contains(ShellView.DEMO_CSS);
        assertThat(prefs.demoMode()).isTrue();
        assertThat(prefs.safeContent()).as("safe content follows demo mode").isTrue();

        robot.clickOn("#open-demo");
        Spinner<Integer> rounds = robot.lookup("#demo-rounds").queryAs(Spinner.class);
        robot.interact(() -> rounds.getValueFactory().setValue(2));
        Spinner<Integer> epochs = robot.lookup("#demo-epochs").queryAs(Spinner.class);
        robot.interact(() -> epochs.getValueFactory().setValue(1));
        long t0 = System.nanoTime();
        robot.lookup("#demo-status").queryLabeled().textProperty().addListener((o, a, v) ->
                System.out.printf("demo %5.1f s %s%n", (System.nanoTime() - t0) / 1e9, v));
        robot.clickOn("#demo-run");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.jobRunningProperty().get());
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> !model.jobRunningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#demo-status").queryLabeled().getText()).startsWith("Done");
        ChartViewer curves = robot.lookup("#demo-curves").queryAs(ChartViewer.class);
        XYSeriesCollection data = (XYSeriesCollection) curves.getChart().getXYPlot().getDataset();
        assertThat(data.getSeries(0).getItemCount()).isEqualTo(3);
        assertThat(data.getSeries(1).getItemCount()).isEqualTo(3);
        assertThat(robot.lookup("#demo-heat-alor").queryAs(ChartViewer.class).getChart()).isNotNull();
        assertThat(robot.lookup("#demo-heat-baseline").queryAs(ChartViewer.class).getChart()).isNotNull();

        saveSnapshot(robot, Path.of("target", "screenshots", "demo.png")); // for a person to look at
        robot.clickOn("#rail-home");
        robot.clickOn("#toggle-demo-mode");
        assertThat(scene.getStylesheets()).doesNotContain(ShellView.DEMO_CSS);
    }
}
