package org.alor.app.wizard;

import org.alor.app.common.BackgroundJobs;
import org.alor.app.common.ErrorReport;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.alor.data.DatasetFormat;
import org.alor.data.DatasetImport;
import org.alor.data.DatasetImports;
import org.alor.data.FormatDetector;
import org.alor.data.ImportRequest;
import org.alor.data.SampleRecord;
import org.alor.data.Split;
import org.alor.store.ProjectStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The wizard's "Dataset" step: the new project's folder and the dataset folder (format, class file), read
 * in the background into a preview whose classes fill the classes step. Changing an input drops the preview.
 */
final class DatasetStep {
    private final BackgroundJobs jobs;
    private final ObservableList<ClassRow> classes;
    private final StringProperty projectDir = new SimpleStringProperty("");
    private final StringProperty datasetDir = new SimpleStringProperty("");
    private final ObjectProperty<DatasetFormat> format = new SimpleObjectProperty<>();
    private final StringProperty classFile = new SimpleStringProperty("");
    private final ObjectProperty<DatasetImport> preview = new SimpleObjectProperty<>();
    private final StringProperty previewError = new SimpleStringProperty("");
    private final StringProperty previewProgress = new SimpleStringProperty("");
    private final BooleanProperty previewRunning = new SimpleBooleanProperty(false);
    private Task<DatasetImport> previewTask;

    /** @param classes the classes step's rows, set from each preview */
    DatasetStep(BackgroundJobs jobs, ObservableList<ClassRow> classes) {
        this.jobs = jobs;
        this.classes = classes;
        datasetDir.addListener((o, a, b) -> {
            preview.set(null);
            previewError.set("");
            classes.clear();
        });
        classFile.addListener((o, a, b) -> {
            preview.set(null);
            previewError.set("");
            classes.clear();
        });
        format.addListener((o, a, b) -> {
            preview.set(null);
            classes.clear();
        });
    }

    /** Reads the dataset folder in the background (detecting the format if none is chosen). */
    Task<DatasetImport> startPreview() {
        if (previewTask != null) previewTask.cancel();
        Path root = PathField.parse(datasetDir.get());
        DatasetFormat chosen = format.get();
        Path classPath = PathField.parse(classFile.get());
        if (classPath != null && !Files.isRegularFile(classPath)) {
            previewError.set("The class file " + classPath + " does not exist.");
            return null;
        }
        preview.set(null);
        classes.clear();
        previewError.set(root == null || !Files.isDirectory(root) ? "Choose an existing dataset folder." : "");
        if (root == null || !Files.isDirectory(root)) return null;
        previewError.set("");
        Task<DatasetImport> t = new Task<>() {
            @Override
            protected DatasetImport call() throws Exception {
                DatasetFormat f = chosen != null ? chosen : FormatDetector.detect(root, classPath);
                return DatasetImports.run(new ImportRequest(root.toAbsolutePath().normalize(), f, null, classPath, null, 0,
                        (done, total) -> updateMessage("Reading images " + done + " / " + total)));
            }
        };
        previewTask = t;
        previewRunning.set(true);
        previewProgress.bind(t.messageProperty());
        t.setOnSucceeded(e -> {
            if (previewTask != t) return;
            finishPreview();
            preview.set(t.getValue());
            classes.setAll(t.getValue().classes().stream().map(ClassRow::new).toList());
            if (format.get() == null) previewProgress.set("Detected format: " + t.getValue().format().key());
        });
        t.setOnFailed(e -> {
            if (previewTask != t) return;
            finishPreview();
            Throwable ex = t.getException();
            previewError.set(ErrorReport.causeChain(ex));
        });
        return jobs.submit(t);
    }

    private void finishPreview() {
        previewRunning.set(false);
        previewProgress.unbind();
        previewProgress.set("");
    }

    void addErrors(Map<String, String> e) {
        Path p = PathField.parse(projectDir.get());
        if (p == null) e.put(NewProjectWizardModel.F_PROJECT, "Choose a folder for the new project.");
        else if (Files.exists(p.resolve(ProjectStore.DATABASE_FILE))) e.put(NewProjectWizardModel.F_PROJECT, p + " is already a project.");
        else if (Files.isRegularFile(p)) e.put(NewProjectWizardModel.F_PROJECT, p + " is a file.");
        Path d = PathField.parse(datasetDir.get());
        String dataset = null;
        if (d == null || !Files.isDirectory(d)) dataset = "Choose an existing dataset folder.";
        else if (!previewError.get().isEmpty()) dataset = previewError.get();
        else if (previewRunning.get()) dataset = "Reading the dataset…";
        else if (preview.get() == null) dataset = "Scan the dataset folder first.";
        else if (preview.get().samples().isEmpty()) dataset = "No readable images were found.";
        else if (preview.get().classes().isEmpty()) dataset = "No classes were found.";
        if (dataset != null) e.put(NewProjectWizardModel.F_DATASET, dataset);
    }

    /** "pool 120 · val 12 · test 24" of the preview after the split `alor init` would make. */
    String previewSummary() {
        DatasetImport d = preview.get();
        if (d == null) return "";
        Map<Split, Integer> bySplit = new EnumMap<>(Split.class);
        for (SampleRecord s : d.samples()) bySplit.merge(s.split(), 1, Integer::sum);
        Map<Integer, Integer> perClass = new TreeMap<>();
        for (SampleRecord s : d.samples()) if (s.trueLabel() != null) perClass.merge(s.trueLabel(), 1, Integer::sum);
        int min = perClass.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = perClass.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        sb.append(d.format().key()).append(" · ").append(d.classes().size()).append(" classes · ").append(d.samples().size())
                .append(" images");
        if (!d.hasSplitAssignments() && !perClass.isEmpty()) sb.append(" (will be split 70 / 10 / 20 per class)");
        else bySplit.forEach((k, v) -> sb.append(" · ").append(k.key()).append(' ').append(v));
        if (!perClass.isEmpty()) {
            sb.append(" · ").append(min == max ? Integer.toString(min) : min + "–" + max).append(" labeled images per class");
        }
        if (!d.problems().isEmpty()) sb.append(" · ").append(d.problems().size()).append(" problem(s)");
        return sb.toString();
    }

    StringProperty projectDirProperty() {
        return projectDir;
    }

    StringProperty datasetDirProperty() {
        return datasetDir;
    }

    ObjectProperty<DatasetFormat> formatProperty() {
        return format;
    }

    StringProperty classFileProperty() {
        return classFile;
    }

    ObjectProperty<DatasetImport> previewProperty() {
        return preview;
    }

    StringProperty previewErrorProperty() {
        return previewError;
    }

    StringProperty previewProgressProperty() {
        return previewProgress;
    }

    BooleanProperty previewRunningProperty() {
        return previewRunning;
    }
}
