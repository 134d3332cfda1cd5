package org.alor.app.wizard;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.paint.Color;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 16: in the dark theme the grey hints inside empty fields ("/path/to/new-project") can be read. */
@ExtendWith(ApplicationExtension.class)
class DarkPromptTextFxTest {
    private final BackgroundJobs jobs = new BackgroundJobs();

    @Start
    void start(Stage stage) {
        NewProjectWizardView view = new NewProjectWizardView(new NewProjectWizardModel(jobs), () -> { }, p -> { });
        Scene scene = new Scene(view.root(), 1180, 800);
        scene.getStylesheets().addAll(ShellView.LIGHT_CSS, ShellView.class.getResource("dark.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        jobs.shutdown();
    }

    private static double luminance(Color c) {
        double[] v = {c.getRed(), c.getGreen(), c.getBlue()};
        for (int i = 0; i < 3; i++) v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : Math.pow((v[i] + 0.055) / 1.055, 2.4);
        return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    }

    @Test
    void promptTextStandsOutFromTheField(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TextField field = robot.lookup("#wizard-project-dir").queryAs(TextField.class);
        Color[] c = new Color[2];
        robot.interact(() -> {
            Text prompt = (Text) field.lookupAll(".text").stream()
                    .filter((Node n) -> n instanceof Text t && field.getPromptText().equals(t.getText())).findFirst().orElseThrow();
            c[0] = (Color) prompt.getFill();
            var fills = field.getBackground().getFills();
            javafx.scene.paint.Paint p = fills.get(fills.size() - 1).getFill();
            // modena fills a field with a short gradient ending in the inner background
            c[1] = p instanceof Color col ? col : ((javafx.scene.paint.LinearGradient) p).getStops().get(1).getColor();
        });
        double la = luminance(c[0]);
        double lb = luminance(c[1]);
        double contrast = (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
        assertThat(contrast).as("prompt text %s on field %s", c[0], c[1]).isGreaterThanOrEqualTo(3.0);
    }
}
