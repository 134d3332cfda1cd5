package org.alor.app.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.alor.app.common.AppPreferences;
import org.alor.app.common.BackgroundJobs;
import org.alor.app.common.ErrorReport;
import org.alor.app.common.OpenProject;
import org.alor.app.common.Page;
import org.alor.app.common.PageHost;
import org.alor.app.common.RecentProjects;
import org.alor.app.common.TaskJob;
import org.alor.data.Split;
import org.alor.loop.Project;
import org.alor.store.ProjectOverview;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * State of the window: the open project, the active page, the running job and the status bar. Every
 * property changes on the JavaFX thread only (Task callbacks), so views simply bind to them.
 */
public final class ShellViewModel implements PageHost {
    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

    private final BackgroundJobs jobs;
    private final AppServices services;
    private final ProjectSessions sessions;
    private final AppPreferences preferences;
    private final RecentProjects recent;
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.HOME);
    private final ObjectProperty<OpenProject> project = new SimpleObjectProperty<>();
    private final ObservableList<RecentProjects.Entry> recentProjects = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("No project open");
    private final StringProperty title = new SimpleStringProperty("ALOR Studio");
    private final StringProperty jobTitle = new SimpleStringProperty("");
    private final DoubleProperty jobProgress = new SimpleDoubleProperty(0);
    private final BooleanProperty jobRunning = new SimpleBooleanProperty(false);
    private final StringProperty device = new SimpleStringProperty();
    private final ObjectProperty<AppPreferences.Theme> theme = new SimpleObjectProperty<>();
    private final BooleanProperty demoMode = new SimpleBooleanProperty(false);
    private final ObjectProperty<ErrorReport> lastError = new SimpleObjectProperty<>();
    private Task<?> currentJob;
    private boolean refreshing;
    private boolean refreshAgain;
    private RoundRecord roundStartRequest;
    private Consumer<ErrorReport> errorSink = r -> { };

    public ShellViewModel(BackgroundJobs jobs, AppServices services, AppPreferences preferences) {
        this.jobs = jobs;
        this.services = services;
        this.sessions = new ProjectSessions(services.backends(), preferences);
        this.preferences = preferences;
        this.recent = new RecentProjects(preferences.node());
        recentProjects.setAll(recent.list());
        device.set(DeviceLabel.describe(preferences.device(), preferences.threads()));
        theme.set(preferences.theme());
        demoMode.set(preferences.demoMode());
    }

    // ---- jobs ---------------------------------------------------------------------------------

    /** Runs a task in the background and shows it in the status bar (title, progress, Cancel). */
    @Override
    public <T> Task<T> runJob(Task<T> task) {
        currentJob = task;
        jobTitle.bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> task.getMessage() == null || task.getMessage().isBlank() ? task.getTitle()
                        : task.getTitle() + " — " + task.getMessage(), task.titleProperty(), task.messageProperty()));
        jobProgress.bind(task.progressProperty());
        jobRunning.set(true);
        task.stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                if (currentJob == task) {
                    jobTitle.unbind();
                    jobProgress.unbind();
                    jobRunning.set(false);
                    jobTitle.set("");
                    jobProgress.set(0);
                    currentJob = null;
                }
                // work that saw its cancellation token may end before the task is marked cancelled
                boolean stopped = state == Worker.State.CANCELLED
                        || state == Worker.State.FAILED && task.getException() instanceof CancellationException;
                if (stopped) status.set(task.getTitle() + " cancelled");
                else if (state == Worker.State.FAILED) report(task.getTitle() + " failed", task.getException());
            }
        });
        return jobs.submit(task);
    }

    @Override
    public void cancelJob() {
        if (currentJob != null) currentJob.cancel();
    }

    /** Shows a failure in the error dialog and the log. */
    @Override
    public void report(String what, Throwable cause) {
        LOG.error("{}", what, cause);
        ErrorReport r = ErrorReport.of(what, cause);
        lastError.set(r);
        status.set(what + ": " + r.message());
        errorSink.accept(r);
    }

    public void setErrorSink(Consumer<ErrorReport> sink) {
        this.errorSink = sink == null ? r -> { } : sink;
    }

    // ---- projects -----------------------------------------------------------------------------

    /** Opens a project folder in the background; on success it replaces the open project and shows Data. */
    @Override
    public Task<OpenProject> openProject(Path dir) {
        OpenProject already = project.get();
        // the open project again: keep its store (a second one would be refused the project's writer lock)
        ProjectStore reused = already != null && sameFolder(already.store().dir(), dir) ? already.store() : null;
        Task<OpenProject> task = new TaskJob<>("Opening " + dir.getFileName(), p -> {
            ProjectStore store = reused != null ? reused : ProjectStore.open(dir);
            try {
                store.lockForWriting(); // the open project is this app's writing session
                return new OpenProject(store, ProjectOverview.read(store, true));
            } catch (RuntimeException e) {
                if (store != reused) store.close();
                throw e;
            }
        });
        task.setOnSucceeded(e -> show(task.getValue()));
        return runJob(task);
    }

    /** Prepares the sample project through its provider, then opens it. */
    @Override
    public Task<Path> openSampleProject() {
        Task<Path> task = new TaskJob<>("Preparing the sample project", p -> services.sampleProject().prepare(p));
        task.setOnSucceeded(e -> openProject(task.getValue()));
        return runJob(task);
    }

    /**
     * Re-reads the open project's overview (after labeling, a round, ...) for the status bar, the pages and the
     * project's Recent entry. Calls while a read runs (a label saved per key press) make one more read after it.
     */
    @Override
    public void refreshOverview() {
        OpenProject open = project.get();
        if (open == null) return;
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        Task<ProjectOverview> task = new TaskJob<>("Refreshing", p -> ProjectOverview.read(open.store(), false));
        task.stateProperty().addListener((o, a, state) -> {
            if (state != Worker.State.SUCCEEDED && state != Worker.State.FAILED && state != Worker.State.CANCELLED) return;
            refreshing = false;
            if (state == Worker.State.SUCCEEDED && project.get() == open) {
                OpenProject updated = new OpenProject(open.store(), task.getValue());
                project.set(updated);
                status.set(summary(updated.overview()));
                remember(updated.overview(), lastOpened(updated.overview()));
            }
            if (refreshAgain) {
                refreshAgain = false;
                refreshOverview();
            }
        });
        jobs.submit(task);
    }

    private void remember(ProjectOverview o, long openedMillis) {
        recentProjects.setAll(recent.remember(new RecentProjects.Entry(o.name(), o.dir().toString(), o.classes().size(),
                o.roundsRun(), openedMillis)));
    }

    private long lastOpened(ProjectOverview o) {
        return recentProjects.stream().filter(e -> e.dir().toAbsolutePath().normalize().equals(o.dir()))
                .mapToLong(RecentProjects.Entry::lastOpenedMillis).findFirst().orElse(System.currentTimeMillis());
    }

    private void show(OpenProject opened) {
        OpenProject previous = project.get();
        project.set(opened);
        // closed through the serial writer, so label events still queued for it are written first
        if (previous != null && previous.store() != opened.store()) {
            sessions.close();
            jobs.storeWriter().execute(previous.store()::close);
        }
        ProjectOverview o = opened.overview();
        title.set("ALOR Studio — " + o.name());
        status.set(summary(o));
        remember(o, System.currentTimeMillis());
        page.set(Page.DATA);
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (java.io.IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    @Override
    public void forgetRecent(RecentProjects.Entry e) {
        recentProjects.setAll(recent.forget(e.path()));
    }

    /** Closes the open project's store (app exit). */
    public void close() {
        sessions.close();
        OpenProject open = project.get();
        if (open != null) open.store().close();
    }

    static String summary(ProjectOverview o) {
        StringBuilder sb = new StringBuilder();
        sb.append(o.name()).append(": ")
                .append(o.classes().size()).append(" classes · ")
                .append(o.countsBySplit().getOrDefault(Split.POOL, 0)).append(" pool · ")
                .append(o.countsBySplit().getOrDefault(Split.VAL, 0)).append(" val · ")
                .append(o.countsBySplit().getOrDefault(Split.TEST, 0)).append(" test · ")
                .append(o.countsBySplit().getOrDefault(Split.RETRIEVED, 0)).append(" retrieved · ")
                .append(o.labeled()).append(" labeled · ")
                .append(o.roundsRun()).append(o.roundsRun() == 1 ? " round" : " rounds");
        if (!o.problems().isEmpty()) sb.append(" · ⚠ ").append(String.join("; ", o.problems()));
        return sb.toString();
    }

    // ---- settings -------------------------------------------------------------------------------

    /**
     * Asks DJL which device the preference resolves to ("GPU 0: …" or "CPU, 2 threads") in the background
     * (the first call loads the PyTorch natives, about a second) and shows it in the status bar.
     */
    public Task<String> detectDevice() {
        String preference = preferences.device().name().toLowerCase(java.util.Locale.ROOT);
        Task<String> task = new Task<>() {
            @Override
            protected String call() {
                return org.alor.clip.Devices.describe(org.alor.clip.Devices.select(preference));
            }
        };
        task.setOnSucceeded(e -> device.set(task.getValue()));
        return jobs.submit(task);
    }

    public void applyPreferences() {
        device.set(DeviceLabel.describe(preferences.device(), preferences.threads()));
        theme.set(preferences.theme());
        demoMode.set(preferences.demoMode());
    }

    /** Demo mode for talks (large fonts, high contrast; safe content follows it unless set explicitly). */
    @Override
    public void setDemoMode(boolean on) {
        preferences.setDemoMode(on);
        demoMode.set(on);
    }

    @Override
    public BooleanProperty demoModeProperty() {
        return demoMode;
    }

    // ---- accessors ----------------------------------------------------------------------------

    @Override
    public BackgroundJobs jobs() {
        return jobs;
    }

    public AppServices services() {
        return services;
    }

    /**
     * The engine session on {@code store} (the open project's) for the job about to start: reopened with the current
     * device and thread preferences when they changed since the last job.
     */
    @Override
    public Project session(ProjectStore store) {
        return sessions.session(store);
    }

    /** A session with the current preferences on another project folder (the demo's); the caller closes it. */
    public Project openSession(Path dir) {
        return sessions.open(dir);
    }

    @Override
    public AppPreferences preferences() {
        return preferences;
    }

    @Override
    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    @Override
    public void startNextRound(RoundRecord like) {
        roundStartRequest = like;
        page.set(Page.RUNS);
    }

    @Override
    public Optional<RoundRecord> takeRoundStartRequest() {
        Optional<RoundRecord> r = Optional.ofNullable(roundStartRequest);
        roundStartRequest = null;
        return r;
    }

    public ReadOnlyObjectProperty<OpenProject> projectProperty() {
        return project;
    }

    @Override
    public ObservableList<RecentProjects.Entry> recentProjects() {
        return recentProjects;
    }

    @Override
    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty jobTitleProperty() {
        return jobTitle;
    }

    public DoubleProperty jobProgressProperty() {
        return jobProgress;
    }

    @Override
    public BooleanProperty jobRunningProperty() {
        return jobRunning;
    }

    public StringProperty deviceProperty() {
        return device;
    }

    public ObjectProperty<AppPreferences.Theme> themeProperty() {
        return theme;
    }

    public ReadOnlyObjectProperty<ErrorReport> lastErrorProperty() {
        return lastError;
    }
}
