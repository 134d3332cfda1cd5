package org.alor.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The ALOR Studio desktop application. */
public final class AlorApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("ALOR Studio");
        stage.setScene(new Scene(new Label("ALOR Studio"), 900, 600));
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
