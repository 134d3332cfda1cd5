package org.alor.app.retrieval;

import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.alor.app.ShellOnStage;
import org.alor.app.SyntheticBirds;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.shell.AppServices;
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

/** Issue 17 item 16: with the dark theme and demo mode, tail rows of the Retrieval table stay readable. */
@ExtendWith(ApplicationExtension.class)
class RetrievalDemoDarkFxTest {
    private ShellOnStage shell;
    private Path project;

    @Start
    void start(Stage stage) throws Exception {
        project = SyntheticBirds.project(Files.createTempDirectory("alor-demo-dark"), 4, 2);
        AppPreferences prefs = TestPrefs.fresh();
        prefs.setTheme(AppPreferences.Theme.DARK);
        prefs.setDemoMode(true);
        shell = new ShellOnStage(stage, AppServices.none(), prefs, 1280, 800);
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    @Test
    void tailRowsAreReadableUnderDemoModesText(FxRobot robot) throws Exception {
        robot.interact(() -> shell.model().openProject(project));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shell.model().projectProperty().get() != null);
        robot.clickOn("#rail-retrieval");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".tail-row").tryQuery().isPresent());
        TableRow<?> row = robot.lookup(".tail-row").queryAs(TableRow.class);
        double[] contrast = new double[1];
        robot.interact(() -> {
            javafx.scene.control.Labeled cell = (javafx.scene.control.Labeled) row.lookup(".table-cell");
            contrast[0] = org.alor.app.shell.DarkThemeContrastFxTest.contrast(
                    org.alor.app.shell.DarkThemeContrastFxTest.background(row),
                    org.alor.app.shell.DarkThemeContrastFxTest.textOf(cell));
        });
        assertThat(contrast[0]).as("tail-row text on its background (dark theme, demo mode)").isGreaterThanOrEqualTo(4.5);
    }
}
