package org.alor.app;

import org.alor.app.common.AppPreferences;
import org.alor.app.common.BackgroundJobs;
import org.alor.app.label.StorePredictions;
import org.alor.app.retrieval.ProjectRetrievalRunner;
import org.alor.app.runs.EngineRoundRunner;
import org.alor.app.shell.AppServices;
import org.alor.app.shell.ShellView;
import org.alor.app.shell.ShellViewModel;
import org.alor.app.start.SampleProject;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The ALOR Studio desktop application. `--project DIR` (or a bare folder argument) opens that project
 * at start; without one the bundled sample project opens (created in the user's data folder the first time).
 * `--replay DIR` also opens the demo race replaying a recorded {@code alor experiment} folder.
 */
public class AlorApp extends Application {
    private final BackgroundJobs jobs = new BackgroundJobs();
    private ShellViewModel model;

    /** The engine, retrieval, predictions and sample data the app's pages use. */
    protected AppServices services() {
        return AppServices.none().withSampleProject(new SampleProject()).withPredictions(new StorePredictions())
                .withRounds(new EngineRoundRunner()).withRetrieval(new ProjectRetrievalRunner());
    }

    @Override
    public void start(Stage stage) {
        AppPreferences preferences = AppPreferences.user();
        model = new ShellViewModel(jobs, services(), preferences);
        ShellView view = new ShellView(model);
        stage.titleProperty().bind(model.titleProperty());
        Scene scene = new Scene(view.root(), 1280, 800);
        view.install(scene);
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> {
            if (!confirmCloseWhileBusy()) event.consume();
        });
        stage.show();
        javafx.application.Platform.runLater(org.alor.app.common.StartupReport::printIfRequested);
        model.detectDevice();
        java.util.Optional<Path> replay = replayArgument(getParameters().getRaw());
        java.util.Optional<Path> requested = projectArgument(getParameters().getRaw());
        if (replay.isPresent()) view.replayDemo(replay.get()); // a talk's replay needs no project
        else if (requested.isPresent()) model.openProject(requested.get());
        else model.openSampleProject();
    }

    /**
     * Closing while a job runs asks first; on yes the job is cancelled. Every step of a round or a retrieval is
     * committed as it finishes, so the project reopens consistent and the job resumes where it stopped.
     */
    private boolean confirmCloseWhileBusy() {
        if (model == null || !model.jobRunningProperty().get()) return true;
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "A job is still running. Cancel it and close ALOR Studio? Its finished steps are saved; starting it again"
                        + " continues where it stopped.",
                javafx.scene.control.ButtonType.YES, javafx.scene.control.ButtonType.NO);
        ask.setHeaderText("Close while a job is running?");
        boolean close = ask.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.YES).isPresent();
        if (close) model.cancelJob();
        return close;
    }

    /** {@code --replay DIR}: open the demo race replaying the recorded {@code alor experiment} folder DIR. */
    static Optional<Path> replayArgument(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--replay") && i + 1 < args.size()) return Optional.of(Path.of(args.get(i + 1)));
            if (a.startsWith("--replay=")) return Optional.of(Path.of(a.substring("--replay=".length())));
        }
        return Optional.empty();
    }

    static Optional<Path> projectArgument(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--replay")) {
                i++;
                continue;
            }
            if (a.equals("--project") && i + 1 < args.size()) return Optional.of(Path.of(args.get(i + 1)));
            if (a.startsWith("--project=")) return Optional.of(Path.of(a.substring("--project=".length())));
            if (!a.startsWith("-")) return Optional.of(Path.of(a));
        }
        return Optional.empty();
    }

    @Override
    public void stop() {
        jobs.shutdown(); // waits for queued label writes
        if (model != null) model.close();
    }

    public static void main(String[] args) {
        org.alor.clip.OpenMpWaitPolicy.applyDefault(); // before libtorch loads
        org.alor.loop.doctor.GpuSwitch.applySavedChoice(org.alor.loop.doctor.UserFolders.current());
        launch(args);
    }
}
