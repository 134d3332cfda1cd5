package org.alor.app.settings;

import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.alor.app.ShellOnStage;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.common.Page;
import org.alor.app.shell.AppServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 17: a change in Settings says it is not saved yet; Save confirms with "Saved". */
@ExtendWith(ApplicationExtension.class)
class SettingsSavedFxTest {
    private ShellOnStage shell;
    private AppPreferences prefs;

    @Start
    void start(Stage stage) {
        prefs = TestPrefs.fresh();
        shell = new ShellOnStage(stage, AppServices.none(), prefs, 1280, 800);
    }

    @AfterEach
    void close() {
        shell.close();
    }

    @Test
    void changesSayUnsavedAndSaveConfirms(FxRobot robot) {
        robot.interact(() -> shell.model().pageProperty().set(Page.SETTINGS));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#settings-status").queryLabeled().getText()).isEmpty();
        @SuppressWarnings("unchecked")
        ComboBox<AppPreferences.Theme> theme = robot.lookup("#theme").queryAs(ComboBox.class);
        robot.interact(() -> theme.setValue(AppPreferences.Theme.DARK));
        assertThat(robot.lookup("#settings-status").queryLabeled().getText()).containsIgnoringCase("not saved");
        assertThat(prefs.theme()).isEqualTo(AppPreferences.Theme.LIGHT);

        robot.clickOn("#save-settings");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#settings-status").queryLabeled().getText()).startsWith("Saved");
        assertThat(prefs.theme()).isEqualTo(AppPreferences.Theme.DARK);
    }
}
