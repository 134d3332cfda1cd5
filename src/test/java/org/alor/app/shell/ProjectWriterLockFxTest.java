package org.alor.app.shell;

import org.alor.app.SyntheticBirds;
import org.alor.app.ShellOnStage;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import javafx.stage.Stage;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18 item 3: the app's open project is its writing session; opening it again keeps that session. */
@ExtendWith(ApplicationExtension.class)
class ProjectWriterLockFxTest {
    private ShellOnStage shell;
    private final AppPreferences prefs = TestPrefs.fresh();
    private ShellViewModel model;
    private Path project;

    @Start
    void start(Stage stage) throws Exception {
        project = SyntheticBirds.project(Files.createTempDirectory("alor-lock"), 3, 1);
        shell = new ShellOnStage(stage, AppServices.none(), prefs, 1000, 650);
        model = shell.model();
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    @Test
    void anotherWriterIsRefusedWhileTheAppHasTheProjectOpenAndReopeningKeepsTheStore(FxRobot robot) throws Exception {
        robot.interact(() -> model.openProject(project));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.projectProperty().get() != null);
        ProjectStore appStore = model.projectProperty().get().store();

        try (ProjectStore other = ProjectStore.open(project)) {
            assertThat(other.classTable().all()).isNotEmpty(); // reading works
            assertThatThrownBy(() -> other.settings().set(Settings.PROMPT_SET, "birds"))
                    .hasMessageContaining("another ALOR session is writing this project");
        }

        robot.interact(() -> model.openProject(project));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.statusProperty().get().contains("classes"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.projectProperty().get().store()).isSameAs(appStore);
        appStore.settings().set(Settings.PROMPT_SET, "birds"); // still open, still the writer
        assertThat(appStore.settings().getString(Settings.PROMPT_SET, "")).isEqualTo("birds");
    }
}
