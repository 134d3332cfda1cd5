package org.alor.app;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.alor.app.common.AppPreferences;
import org.alor.app.common.BackgroundJobs;
import org.alor.app.shell.AppServices;
import org.alor.app.shell.ShellView;
import org.alor.app.shell.ShellViewModel;

/** The real shell on a TestFX stage with its own background jobs; {@link #close()} releases them and the preferences. */
public final class ShellOnStage implements AutoCloseable {
    private final BackgroundJobs jobs = new BackgroundJobs();
    private final AppPreferences prefs;
    private final ShellViewModel model;
    private final ShellView view;
    private final Scene scene;

    /** @param prefs fresh test preferences ({@link TestPrefs#fresh()}), set up as the test needs before this */
    public ShellOnStage(Stage stage, AppServices services, AppPreferences prefs, double width, double height) {
        this.prefs = prefs;
        model = new ShellViewModel(jobs, services, prefs);
        view = new ShellView(model);
        scene = new Scene(view.root(), width, height);
        view.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    public BackgroundJobs jobs() {
        return jobs;
    }

    public ShellViewModel model() {
        return model;
    }

    public ShellView view() {
        return view;
    }

    public Scene scene() {
        return scene;
    }

    @Override
    public void close() {
        jobs.shutdown();
        model.close();
        TestPrefs.release(prefs);
        // the shell set the charts' theme from these preferences; later tests build charts in the default one
        org.alor.app.common.ChartTheme.use(org.alor.app.common.ChartTheme.LIGHT);
    }
}
