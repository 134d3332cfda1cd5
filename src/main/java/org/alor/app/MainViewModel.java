package org.alor.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.alor.data.Split;
import org.alor.store.ProjectOverview;
import org.alor.store.ProjectStore;

import java.nio.file.Path;

/**
 * State of the main window: the open project and its classes. Loading runs in the background; the
 * properties change on the JavaFX thread only (Task callbacks), so views simply bind to them.
 */
public final class MainViewModel {
    private final BackgroundJobs jobs;
    private final ObjectProperty<ProjectOverview> project = new SimpleObjectProperty<>();
    private final ObservableList<ProjectOverview.ClassRow> classes = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("No project open");
    private final StringProperty title = new SimpleStringProperty("ALOR Studio");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public MainViewModel(BackgroundJobs jobs) {
        this.jobs = jobs;
    }

    /** Opens a project folder in the background and returns the task (for tests and progress binding). */
    public Task<ProjectOverview> openProject(Path dir) {
        Task<ProjectOverview> task = new Task<>() {
            @Override
            protected ProjectOverview call() {
                try (ProjectStore store = ProjectStore.open(dir)) {
                    return ProjectOverview.read(store, true);
                }
            }
        };
        busy.set(true);
        status.set("Opening " + dir + " …");
        task.setOnSucceeded(e -> {
            busy.set(false);
            show(task.getValue());
        });
        task.setOnFailed(e -> {
            busy.set(false);
            Throwable cause = task.getException();
            status.set("Could not open " + dir + ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
        });
        return jobs.submit(task);
    }

    /** Creates the bundled sample project on first use (in the background), then opens it. */
    public Task<Path> openSampleProject() {
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws Exception {
                return SampleProject.ensure();
            }
        };
        busy.set(true);
        status.set("Preparing the sample project …");
        task.setOnSucceeded(e -> openProject(task.getValue()));
        task.setOnFailed(e -> {
            busy.set(false);
            status.set("Sample project unavailable: " + task.getException().getMessage());
        });
        return jobs.submit(task);
    }

    private void show(ProjectOverview overview) {
        project.set(overview);
        classes.setAll(overview.classes());
        title.set("ALOR Studio — " + overview.name());
        status.set(summary(overview));
    }

    static String summary(ProjectOverview o) {
        StringBuilder sb = new StringBuilder();
        sb.append(o.classes().size()).append(" classes · ")
                .append(o.countsBySplit().getOrDefault(Split.POOL, 0)).append(" pool · ")
                .append(o.countsBySplit().getOrDefault(Split.VAL, 0)).append(" val · ")
                .append(o.countsBySplit().getOrDefault(Split.TEST, 0)).append(" test · ")
                .append(o.countsBySplit().getOrDefault(Split.RETRIEVED, 0)).append(" retrieved · ")
                .append(o.labeled()).append(" labeled · ")
                .append(o.rounds()).append(" rounds");
        if (!o.problems().isEmpty()) sb.append(" · ⚠ ").append(String.join("; ", o.problems()));
        return sb.toString();
    }

    public ReadOnlyObjectProperty<ProjectOverview> projectProperty() {
        return project;
    }

    public ObservableList<ProjectOverview.ClassRow> classes() {
        return classes;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
