package org.alor.app.retrieval;

import javafx.stage.Stage;
import org.alor.app.DemoModeColumns;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;


/** Issue 17 item 15: demo mode's large fonts do not cut the Retrieval table's headers to "Ma…", "K…". */
@ExtendWith(ApplicationExtension.class)
class RetrievalDemoColumnsFxTest {
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
    void columnHeadersShowTheirWholeTitles(FxRobot robot) throws Exception {
        DemoModeColumns.assertWholeHeaders(robot, shell, project, "#rail-retrieval", "#retrieval-classes",
                List.of("Class", "Synonyms", "Matched", "Kept"));
    }
}
