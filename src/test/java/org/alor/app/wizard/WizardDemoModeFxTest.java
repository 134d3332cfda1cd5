package org.alor.app.wizard;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.alor.app.common.BackgroundJobs;
import org.alor.app.shell.ShellView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 15: demo mode's large fonts do not cut the wizard's field names and buttons to "…". */
@ExtendWith(ApplicationExtension.class)
class WizardDemoModeFxTest {
    private final BackgroundJobs jobs = new BackgroundJobs();
    private NewProjectWizardModel model;

    @Start
    void start(Stage stage) {
        model = new NewProjectWizardModel(jobs);
        NewProjectWizardView view = new NewProjectWizardView(model, () -> { }, p -> { });
        Scene scene = new Scene(view.root(), 1180, 800);
        scene.getStylesheets().addAll(ShellView.LIGHT_CSS, ShellView.DEMO_CSS);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        jobs.shutdown();
    }

    private static void assertWhole(FxRobot robot, List<String> texts) {
        for (String text : texts) {
            Labeled l = robot.lookup((Node n) -> n instanceof Labeled x && text.equals(x.getText()) && x.isVisible()).queryLabeled();
            String[] shown = new String[1];
            robot.interact(() -> shown[0] = ((Text) l.lookup(".text")).getText());
            assertThat(shown[0]).as("\"%s\" in demo mode", text).isEqualTo(text);
        }
    }

    @Test
    void fieldNamesAndButtonsShowTheirWholeText(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertWhole(robot, List.of("Project folder", "Dataset folder", "Format", "Scan"));
        robot.interact(() -> model.stepProperty().set(NewProjectWizardModel.Step.CHECKPOINT));
        WaitForAsyncUtils.waitForFxEvents();
        assertWhole(robot, List.of("Checkpoint", "Prompt set", "Check"));
    }
}
