package org.alor.app;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 15: demo mode's large fonts do not cut table headers to "Ma…", "K…", "Test a…". */
@ExtendWith(ApplicationExtension.class)
class DemoModeColumnsFxTest {
    private ShellOnStage shell;
    private Path project;

    @Start
    void start(Stage stage) throws Exception {
        project = SyntheticBirds.project(Files.createTempDirectory("alor-demo-columns"), 4, 2);
        AppPreferences prefs = TestPrefs.fresh();
        prefs.setDemoMode(true);
        shell = new ShellOnStage(stage, AppServices.none(), prefs, 1280, 800);
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    @Test
    void retrievalTableHeadersShowTheirWholeTitles(FxRobot robot) throws Exception {
        assertWholeHeaders(robot, "#rail-retrieval", "#retrieval-classes", List.of("Class", "Synonyms", "Matched", "Kept"));
    }

    @Test
    void runsTableHeadersShowTheirWholeTitles(FxRobot robot) throws Exception {
        assertWholeHeaders(robot, "#rail-runs", "#round-table",
                List.of("Round", "Method", "Strategy", "Budget", "Status", "Test acc.", "Macro-F1"));
    }

    /** Opens the project, goes to the rail page {@code railId} and checks each title shows whole in {@code tableId}. */
    private void assertWholeHeaders(FxRobot robot, String railId, String tableId, List<String> titles) throws Exception {
        robot.interact(() -> shell.model().openProject(project));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shell.model().projectProperty().get() != null);
        robot.clickOn(railId);
        String headers = tableId + " .column-header .label";
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(headers).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // the header layout settles one pulse after the table is shown
        WaitForAsyncUtils.waitForFxEvents();
        for (String title : titles) {
            Labeled header = robot.lookup(headers).match((Node n) -> n instanceof Labeled l && title.equals(l.getText())).queryLabeled();
            String[] shown = new String[1];
            robot.interact(() -> shown[0] = ((Text) header.lookup(".text")).getText());
            assertThat(shown[0]).as("header of column " + title).isEqualTo(title);
        }
    }
}
