package org.alor.app.common;

import javafx.stage.Stage;
import org.alor.app.ShellOnStage;
import org.alor.app.SyntheticBirds;
import org.alor.app.TestPrefs;
import org.alor.app.shell.AppServices;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 16: with the dark theme the charts are dark with light text, not white panels. */
@ExtendWith(ApplicationExtension.class)
class ChartThemeFxTest {
    private ShellOnStage shell;
    private Path project;

    @Start
    void start(Stage stage) throws Exception {
        project = SyntheticBirds.project(Files.createTempDirectory("alor-dark-charts"), 4, 2);
        AppPreferences prefs = TestPrefs.fresh();
        prefs.setTheme(AppPreferences.Theme.DARK);
        shell = new ShellOnStage(stage, AppServices.none(), prefs, 1280, 800);
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    private static double brightness(java.awt.Paint p) {
        Color c = (Color) p;
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[2];
    }

    private static void assertDark(JFreeChart chart) {
        assertThat(brightness(chart.getBackgroundPaint())).as("chart background").isLessThan(0.3);
        assertThat(brightness(chart.getPlot().getBackgroundPaint())).as("plot background").isLessThan(0.3);
        assertThat(brightness(chart.getTitle().getPaint())).as("title text").isGreaterThan(0.8);
    }

    @Test
    void retrievalAndChartsPagesDrawDarkCharts(FxRobot robot) throws Exception {
        robot.interact(() -> shell.model().openProject(project));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shell.model().projectProperty().get() != null);
        robot.clickOn("#rail-retrieval");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#long-tail-chart").tryQuery().isPresent());
        JFreeChart longTail = robot.lookup("#long-tail-chart").queryAs(ChartViewer.class).getChart();
        assertDark(longTail);
        org.jfree.chart.plot.CategoryPlot plot = longTail.getCategoryPlot();
        assertThat(brightness(plot.getRangeAxis().getTickLabelPaint())).as("axis numbers").isGreaterThan(0.7);

        robot.clickOn("#rail-charts");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup((javafx.scene.Node n) -> n instanceof ChartViewer).tryQuery().isPresent());
        for (javafx.scene.Node n : robot.lookup((javafx.scene.Node x) -> x instanceof ChartViewer).queryAll()) {
            assertDark(((ChartViewer) n).getChart());
        }
    }
}
