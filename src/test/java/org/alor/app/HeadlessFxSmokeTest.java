package org.alor.app;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class HeadlessFxSmokeTest {
    private Button button;

    @Start
    void start(Stage stage) {
        button = new Button("press");
        button.setOnAction(e -> button.setText("pressed"));
        stage.setScene(new Scene(new StackPane(button), 200, 100));
        stage.show();
    }

    @Test
    void clicksWorkHeadless(FxRobot robot) {
        robot.clickOn(button);
        assertThat(button.getText()).isEqualTo("pressed");
    }
}
