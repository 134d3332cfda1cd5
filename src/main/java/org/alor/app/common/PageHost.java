package org.alor.app.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.alor.loop.Project;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a page uses from the window that hosts it: background jobs and the status bar, error reports, the
 * preferences, the engine session, the open and recent projects and page switching. The shell implements it;
 * pages depend on this instead of the shell, so that the shell can depend on the pages.
 */
public interface PageHost {

    // ---- jobs and the status bar ----------------------------------------------------------------

    BackgroundJobs jobs();

    /** Runs a task in the background and shows it in the status bar (title, progress, Cancel). */
    <T> Task<T> runJob(Task<T> task);

    void cancelJob();

    BooleanProperty jobRunningProperty();

    StringProperty statusProperty();

    /** Shows a failure in the error dialog and the log. */
    void report(String what, Throwable cause);

    // ---- preferences and the engine -------------------------------------------------------------

    AppPreferences preferences();

    /** The engine session on the open project's {@code store}, with the current device and thread preferences. */
    Project session(ProjectStore store);

    BooleanProperty demoModeProperty();

    void setDemoMode(boolean on);

    // ---- projects and pages ---------------------------------------------------------------------

    /** Opens a project folder in the background; on success it replaces the open project. */
    Task<OpenProject> openProject(Path dir);

    /** Prepares the sample project, then opens it. */
    Task<Path> openSampleProject();

    /** Re-reads the open project's overview (after labeling, a round, ...). */
    void refreshOverview();

    ObservableList<RecentProjects.Entry> recentProjects();

    void forgetRecent(RecentProjects.Entry e);

    ObjectProperty<Page> pageProperty();

    /**
     * Opens Runs and starts a round there as its Start button does (the same checks, task and live panel), with the
     * method and strategy of {@code like}, the round just labeled.
     */
    void startNextRound(RoundRecord like);

    /** The round a {@link #startNextRound} call asked Runs to follow, once; empty when none is pending. */
    Optional<RoundRecord> takeRoundStartRequest();
}
