package org.alor.app.settings;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
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

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 15: demo mode's large fonts must not cut the Settings labels down to "…". */
@ExtendWith(ApplicationExtension.class)
class SettingsDemoModeFxTest {
    private ShellOnStage shell;

    @Start
    void start(Stage stage) {
        AppPreferences prefs = TestPrefs.fresh();
        prefs.setDemoMode(true);
        shell = new ShellOnStage(stage, AppServices.none(), prefs, 1280, 800);
    }

    @AfterEach
    void close() {
        shell.close();
    }

    @Test
    void everySettingsLabelShowsItsWholeTextInDemoMode(FxRobot robot) {
        robot.interact(() -> shell.model().pageProperty().set(Page.SETTINGS));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> texts = List.of("Device", "Threads", "Cache folder", "Theme", "Labeler name", "Talks",
                "Browse…");
        for (String text : texts) {
            Labeled labeled = robot.lookup((Node n) -> n instanceof Labeled l && text.equals(l.getText())).queryLabeled();
            double[] sizes = new double[2];
            robot.interact(() -> {
                sizes[0] = labeled.getWidth();
                sizes[1] = labeled.prefWidth(-1);
            });
            assertThat(sizes[0]).as("width of \"%s\" (its preferred width is %.1f)", text, sizes[1])
                    .isGreaterThanOrEqualTo(sizes[1] - 0.5);
        }
    }

    /** The explanations beside the controls wrap onto more lines instead of ending in "…". */
    @Test
    void everySettingsNoteShowsItsWholeTextInDemoMode(FxRobot robot) {
        robot.interact(() -> shell.model().pageProperty().set(Page.SETTINGS));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> notes = List.of("AUTO uses a GPU when the engine finds one.", "recorded with every label",
                "large fonts, high contrast; the demo race on Home",
                "retrieved web images show as placeholders unless a project allows them",
                "checks the driver, then downloads DJL's CUDA libtorch once",
                "versions, device, speed, folders and log file, to copy into a support request");
        for (String note : notes) {
            Labeled labeled = robot.lookup((Node n) -> n instanceof Labeled l && note.equals(l.getText())).queryLabeled();
            String[] shown = new String[1];
            robot.interact(() -> shown[0] = ((javafx.scene.text.Text) labeled.lookup(".text")).getText());
            assertThat(shown[0]).as("text shown for \"%s\"", note).isEqualTo(note);
        }
    }
}
