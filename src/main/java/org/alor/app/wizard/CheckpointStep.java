package org.alor.app.wizard;

import org.alor.app.common.BackgroundJobs;
import org.alor.app.common.ErrorReport;
import org.alor.app.common.TaskJob;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.alor.clip.CheckpointLoader;
import org.alor.clip.Devices;
import org.alor.clip.LoadedCheckpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/** The wizard's "CLIP checkpoint" step: optional; when given, loaded and checked in the background before Next. */
final class CheckpointStep {
    private final BackgroundJobs jobs;
    private final Supplier<String> device;
    private final StringProperty checkpoint = new SimpleStringProperty("");
    private final ObjectProperty<CheckpointInfo> info = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private Task<CheckpointInfo> checkTask;

    /** @param device the device preference ("auto", "cpu", "gpu") at the time a checkpoint is checked */
    CheckpointStep(BackgroundJobs jobs, Supplier<String> device) {
        this.jobs = jobs;
        this.device = device;
        checkpoint.addListener((o, a, b) -> {
            info.set(null);
            error.set("");
        });
    }

    /** Loads and validates the checkpoint in the background. */
    Task<CheckpointInfo> startCheck() {
        Path p = PathField.parse(checkpoint.get());
        info.set(null);
        error.set(p == null || !Files.exists(p) ? "The checkpoint does not exist." : "");
        if (p == null || !Files.exists(p)) return null;
        Task<CheckpointInfo> t = new TaskJob<>("Checking the checkpoint", progress -> {
            LoadedCheckpoint c = CheckpointLoader.load(p);
            String used = Devices.describe(Devices.select(device.get()));
            return new CheckpointInfo(p, c.description(), c.parameterCount(), c.contentHash(), used);
        });
        checkTask = t;
        running.set(true);
        t.setOnSucceeded(e -> {
            if (checkTask != t) return;
            running.set(false);
            info.set(t.getValue());
        });
        t.setOnFailed(e -> {
            if (checkTask != t) return;
            running.set(false);
            error.set(ErrorReport.causeChain(t.getException()));
        });
        return jobs.submit(t);
    }

    void addErrors(Map<String, String> e) {
        if (checkpoint.get().isBlank()) return;
        if (running.get()) e.put(NewProjectWizardModel.F_CHECKPOINT, "Checking the checkpoint…");
        else if (!error.get().isEmpty()) e.put(NewProjectWizardModel.F_CHECKPOINT, error.get());
        else if (info.get() == null) e.put(NewProjectWizardModel.F_CHECKPOINT, "Check the checkpoint first (or leave it empty).");
    }

    StringProperty checkpointProperty() {
        return checkpoint;
    }

    ObjectProperty<CheckpointInfo> infoProperty() {
        return info;
    }

    StringProperty errorProperty() {
        return error;
    }

    BooleanProperty runningProperty() {
        return running;
    }
}
