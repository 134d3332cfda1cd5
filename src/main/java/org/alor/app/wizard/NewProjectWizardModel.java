package org.alor.app.wizard;

import org.alor.app.common.BackgroundJobs;
import org.alor.app.common.ErrorReport;
import org.alor.app.common.TaskJob;

import org.alor.store.ProjectCreator;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.alor.clip.CheckpointLoader;
import org.alor.clip.LoadedCheckpoint;
import org.alor.data.ClassInfo;
import org.alor.data.DatasetFormat;
import org.alor.data.DatasetImport;
import org.alor.data.DatasetImports;
import org.alor.data.FormatDetector;
import org.alor.data.ImportRequest;
import org.alor.data.SampleRecord;
import org.alor.data.Split;
import org.alor.store.ProjectStore;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The new-project wizard: Dataset → Classes &amp; synonyms → CLIP checkpoint → Open data → Summary. Each
 * step is validated before Next ({@link #errors(Step)} maps a field to its message); the dataset
 * preview and the checkpoint check run in the background.
 */
public final class NewProjectWizardModel {
    public enum Step {
        DATASET("Dataset"), CLASSES("Classes & synonyms"), CHECKPOINT("CLIP checkpoint"), OPEN_DATA("Open data"),
        SUMMARY("Summary");

        private final String title;

        Step(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** Field keys of {@link #errors(Step)}. */
    public static final String F_PROJECT = "project", F_DATASET = "dataset", F_CLASSES = "classes",
            F_CHECKPOINT = "checkpoint", F_CORPUS = "corpus";

    /** One editable row of the classes table; synonyms as "a | b | c". */
    public static final class ClassRow {
        private final int id;
        private final StringProperty name = new SimpleStringProperty();
        private final StringProperty commonName = new SimpleStringProperty();
        private final StringProperty synonyms = new SimpleStringProperty();
        private final Map<String, Integer> counts;

        ClassRow(ClassInfo c) {
            id = c.id();
            name.set(c.name());
            commonName.set(c.mostCommonName());
            synonyms.set(String.join(" | ", c.synonyms().keySet()));
            counts = c.synonyms();
        }

        public int id() {
            return id;
        }

        public StringProperty nameProperty() {
            return name;
        }

        public StringProperty commonNameProperty() {
            return commonName;
        }

        public StringProperty synonymsProperty() {
            return synonyms;
        }

        ClassInfo toClassInfo() {
            Map<String, Integer> syn = new LinkedHashMap<>();
            for (String s : synonyms.get() == null ? new String[0] : synonyms.get().split("\\|")) {
                String t = s.strip();
                if (!t.isEmpty()) syn.put(t, counts.getOrDefault(t, 0));
            }
            String n = name.get() == null ? "" : name.get().strip();
            if (!n.isEmpty()) syn.putIfAbsent(n, counts.getOrDefault(n, 0));
            String common = commonName.get() == null || commonName.get().isBlank() ? n : commonName.get().strip();
            return new ClassInfo(id, n, common, syn);
        }
    }

    /** The checkpoint as checked: what the summary and the step show. */
    public record CheckpointInfo(Path path, String description, long parameters, String contentHash, String device) {
    }

    private final BackgroundJobs jobs;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.DATASET);
    private final StringProperty projectDir = new SimpleStringProperty("");
    private final StringProperty datasetDir = new SimpleStringProperty("");
    private final ObjectProperty<DatasetFormat> format = new SimpleObjectProperty<>();
    private final StringProperty classFile = new SimpleStringProperty("");
    private final ObjectProperty<DatasetImport> preview = new SimpleObjectProperty<>();
    private final StringProperty previewError = new SimpleStringProperty("");
    private final StringProperty previewProgress = new SimpleStringProperty("");
    private final BooleanProperty previewRunning = new SimpleBooleanProperty(false);
    private final ObservableList<ClassRow> classes = FXCollections.observableArrayList(
            r -> new javafx.beans.Observable[]{r.name, r.commonName, r.synonyms});
    private final StringProperty checkpoint = new SimpleStringProperty("");
    private final ObjectProperty<CheckpointInfo> checkpointInfo = new SimpleObjectProperty<>();
    private final StringProperty checkpointError = new SimpleStringProperty("");
    private final BooleanProperty checkpointRunning = new SimpleBooleanProperty(false);
    private final StringProperty corpus = new SimpleStringProperty("");
    private final BooleanProperty creating = new SimpleBooleanProperty(false);
    private final StringProperty createError = new SimpleStringProperty("");
    private Task<DatasetImport> previewTask;
    private Task<CheckpointInfo> checkpointTask;
    private final java.util.function.Supplier<String> device;

    public NewProjectWizardModel(BackgroundJobs jobs) {
        this(jobs, () -> "auto");
    }

    /** @param device the device preference ("auto", "cpu", "gpu") at the time a checkpoint is checked */
    public NewProjectWizardModel(BackgroundJobs jobs, java.util.function.Supplier<String> device) {
        this.jobs = jobs;
        this.device = device;
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
        checkpoint.addListener((o, a, b) -> {
            checkpointInfo.set(null);
            checkpointError.set("");
        });
    }

    // ---- background steps -------------------------------------------------------------------------

    /** Reads the dataset folder in the background (detecting the format if none is chosen). */
    public Task<DatasetImport> startPreview() {
        if (previewTask != null) previewTask.cancel();
        Path root = path(datasetDir.get());
        DatasetFormat chosen = format.get();
        Path classPath = path(classFile.get());
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
                DatasetFormat f = chosen != null ? chosen : FormatDetector.detect(root);
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

    /** Loads and validates the checkpoint in the background. */
    public Task<CheckpointInfo> startCheckpointCheck() {
        Path p = path(checkpoint.get());
        checkpointInfo.set(null);
        checkpointError.set(p == null || !Files.exists(p) ? "The checkpoint does not exist." : "");
        if (p == null || !Files.exists(p)) return null;
        Task<CheckpointInfo> t = new TaskJob<>("Checking the checkpoint", progress -> {
            LoadedCheckpoint c = CheckpointLoader.load(p);
            String used = org.alor.clip.Devices.describe(org.alor.clip.Devices.select(device.get()));
            return new CheckpointInfo(p, c.description(), c.parameterCount(), c.contentHash(), used);
        });
        checkpointTask = t;
        checkpointRunning.set(true);
        t.setOnSucceeded(e -> {
            if (checkpointTask != t) return;
            checkpointRunning.set(false);
            checkpointInfo.set(t.getValue());
        });
        t.setOnFailed(e -> {
            if (checkpointTask != t) return;
            checkpointRunning.set(false);
            checkpointError.set(ErrorReport.causeChain(t.getException()));
        });
        return jobs.submit(t);
    }

    /** Creates the project in the background; the task's value is the project folder. */
    public Task<Path> create() {
        ProjectCreator.Spec spec = spec();
        Task<Path> t = new TaskJob<>("Creating the project", p -> ProjectCreator.create(spec).projectDir());
        creating.set(true);
        createError.set("");
        t.setOnSucceeded(e -> creating.set(false));
        t.setOnFailed(e -> {
            creating.set(false);
            createError.set(ErrorReport.causeChain(t.getException()));
        });
        return jobs.submit(t);
    }

    ProjectCreator.Spec spec() {
        CheckpointInfo c = checkpointInfo.get();
        Path corpusPath = path(corpus.get());
        return new ProjectCreator.Spec(path(projectDir.get()), preview.get(), classInfos(), c == null ? null : c.path(),
                c == null ? null : c.contentHash(), corpusPath, 0.1, 0.2, 0);
    }

    public List<ClassInfo> classInfos() {
        List<ClassInfo> out = new ArrayList<>();
        for (ClassRow r : classes) out.add(r.toClassInfo());
        return out;
    }

    // ---- validation and navigation -----------------------------------------------------------------

    /** The problems of a step, field key → message; empty when the step is valid. */
    public Map<String, String> errors(Step s) {
        Map<String, String> e = new LinkedHashMap<>();
        switch (s) {
            case DATASET -> {
                Path p = path(projectDir.get());
                if (p == null) e.put(F_PROJECT, "Choose a folder for the new project.");
                else if (Files.exists(p.resolve(ProjectStore.DATABASE_FILE))) e.put(F_PROJECT, p + " is already a project.");
                else if (Files.isRegularFile(p)) e.put(F_PROJECT, p + " is a file.");
                Path d = path(datasetDir.get());
                if (d == null || !Files.isDirectory(d)) e.put(F_DATASET, "Choose an existing dataset folder.");
                else if (!previewError.get().isEmpty()) e.put(F_DATASET, previewError.get());
                else if (previewRunning.get()) e.put(F_DATASET, "Reading the dataset…");
                else if (preview.get() == null) e.put(F_DATASET, "Scan the dataset folder first.");
                else if (preview.get().samples().isEmpty()) e.put(F_DATASET, "No readable images were found.");
                else if (preview.get().classes().isEmpty()) e.put(F_DATASET, "No classes were found.");
            }
            case CLASSES -> {
                Set<String> seen = new HashSet<>();
                for (ClassRow r : classes) {
                    String n = r.nameProperty().get() == null ? "" : r.nameProperty().get().strip();
                    if (n.isEmpty()) {
                        e.put(F_CLASSES, "Class " + r.id() + " has no name.");
                        break;
                    }
                    if (!seen.add(n.toLowerCase(Locale.ROOT))) {
                        e.put(F_CLASSES, "Two classes are named “" + n + "”.");
                        break;
                    }
                }
                if (classes.isEmpty()) e.put(F_CLASSES, "There are no classes.");
            }
            case CHECKPOINT -> {
                if (!checkpoint.get().isBlank()) {
                    if (checkpointRunning.get()) e.put(F_CHECKPOINT, "Checking the checkpoint…");
                    else if (!checkpointError.get().isEmpty()) e.put(F_CHECKPOINT, checkpointError.get());
                    else if (checkpointInfo.get() == null) e.put(F_CHECKPOINT, "Check the checkpoint first (or leave it empty).");
                }
            }
            case OPEN_DATA -> {
                if (!corpus.get().isBlank()) {
                    Path p = path(corpus.get());
                    if (p == null || !Files.exists(p)) e.put(F_CORPUS, "The corpus path does not exist.");
                }
            }
            case SUMMARY -> {
                for (Step before : List.of(Step.DATASET, Step.CLASSES, Step.CHECKPOINT, Step.OPEN_DATA)) {
                    if (!errors(before).isEmpty()) e.put(before.name(), before.title() + " has problems.");
                }
            }
        }
        return e;
    }

    /** A binding true when the current step is valid (re-evaluated whenever an input changes). */
    public BooleanBinding currentStepValid() {
        return Bindings.createBooleanBinding(() -> errors(step.get()).isEmpty(), step, projectDir, datasetDir, preview,
                previewError, previewRunning, classes, checkpoint, checkpointInfo, checkpointError, checkpointRunning, corpus);
    }

    public boolean next() {
        if (!errors(step.get()).isEmpty() || step.get() == Step.SUMMARY) return false;
        step.set(Step.values()[step.get().ordinal() + 1]);
        return true;
    }

    public void back() {
        if (step.get().ordinal() > 0) step.set(Step.values()[step.get().ordinal() - 1]);
    }

    /** "pool 120 · val 12 · test 24" of the preview after the split `alor init` would make. */
    public String previewSummary() {
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

    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("Project folder: ").append(projectDir.get()).append('\n');
        sb.append("Dataset: ").append(datasetDir.get()).append('\n').append("  ").append(previewSummary()).append('\n');
        sb.append("Classes: ").append(classes.size()).append('\n');
        CheckpointInfo c = checkpointInfo.get();
        sb.append("CLIP checkpoint: ").append(c == null ? "none (set it later with `alor set checkpoint`)" : c.path() + "\n  " + c.description()).append('\n');
        sb.append("Open data: ").append(corpus.get().isBlank() ? "none" : corpus.get()).append('\n');
        return sb.toString();
    }

    static Path path(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            return null;
        }
    }

    // ---- accessors ----------------------------------------------------------------------------------

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public StringProperty projectDirProperty() {
        return projectDir;
    }

    public StringProperty datasetDirProperty() {
        return datasetDir;
    }

    public ObjectProperty<DatasetFormat> formatProperty() {
        return format;
    }

    public StringProperty classFileProperty() {
        return classFile;
    }

    public ObjectProperty<DatasetImport> previewProperty() {
        return preview;
    }

    public StringProperty previewErrorProperty() {
        return previewError;
    }

    public StringProperty previewProgressProperty() {
        return previewProgress;
    }

    public BooleanProperty previewRunningProperty() {
        return previewRunning;
    }

    public ObservableList<ClassRow> classes() {
        return classes;
    }

    public StringProperty checkpointProperty() {
        return checkpoint;
    }

    public ObjectProperty<CheckpointInfo> checkpointInfoProperty() {
        return checkpointInfo;
    }

    public StringProperty checkpointErrorProperty() {
        return checkpointError;
    }

    public BooleanProperty checkpointRunningProperty() {
        return checkpointRunning;
    }

    public StringProperty corpusProperty() {
        return corpus;
    }

    public BooleanProperty creatingProperty() {
        return creating;
    }

    public StringProperty createErrorProperty() {
        return createError;
    }
}
