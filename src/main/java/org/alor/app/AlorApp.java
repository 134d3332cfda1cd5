package org.alor.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;

/**
 * The ALOR Studio desktop application. `--project DIR` (or a bare folder argument) opens that project
 * at start; without one the bundled sample project opens (created in the user's data folder the first time).
 */
public final class AlorApp extends Application {
    private final BackgroundJobs jobs = new BackgroundJobs();

    @Override
    public void start(Stage stage) {
        MainViewModel model = new MainViewModel(jobs);
        MainView view = new MainView(model);
        stage.titleProperty().bind(model.titleProperty());
        stage.setScene(new Scene(view.root(), 1100, 700));
        stage.show();
        java.util.Optional<Path> requested = projectArgument(getParameters().getRaw());
        if (requested.isPresent()) model.openProject(requested.get());
        else model.openSampleProject();
    }

    static java.util.Optional<Path> projectArgument(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--project") && i + 1 < args.size()) return java.util.Optional.of(Path.of(args.get(i + 1)));
            if (a.startsWith("--project=")) return java.util.Optional.of(Path.of(a.substring("--project=".length())));
            if (!a.startsWith("-")) return java.util.Optional.of(Path.of(a));
        }
        return java.util.Optional.empty();
    }

    @Override
    public void stop() {
        jobs.shutdown();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
