package org.alor.app.wizard;

import org.alor.app.common.BackgroundJobs;
import org.alor.app.common.ErrorReport;
import org.alor.app.common.TaskJob;

import org.alor.adapt.PromptTemplates;
import org.alor.store.ProjectCreator;
import org.alor.store.Settings;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.alor.data.ClassInfo;
import org.alor.data.DatasetFormat;
import org.alor.data.DatasetImport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The new-project wizard: Dataset → Classes &amp; synonyms → CLIP checkpoint → Open data → Summary. Each
 * step is validated before Next ({@link #errors(Step)} maps a field to its message); the steps' own state
 * and checks live in {@link DatasetStep}, {@link ClassesStep} and {@link CheckpointStep}, the open data step
 * is a single path. The dataset preview and the checkpoint check run in the background.
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

    private final BackgroundJobs jobs;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.DATASET);
    private final ClassesStep classes = new ClassesStep();
    private final SpeciesListImport species = new SpeciesListImport();
    private final DatasetStep dataset;
    private final CheckpointStep checkpoint;
    private final ObjectProperty<PromptTemplates> promptSet = new SimpleObjectProperty<>(PromptTemplates.GENERIC);
    private final StringProperty corpus = new SimpleStringProperty("");
    private final BooleanProperty creating = new SimpleBooleanProperty(false);
    private final StringProperty createError = new SimpleStringProperty("");

    public NewProjectWizardModel(BackgroundJobs jobs) {
        this(jobs, () -> "auto");
    }

    /** @param device the device preference ("auto", "cpu", "gpu") at the time a checkpoint is checked */
    public NewProjectWizardModel(BackgroundJobs jobs, java.util.function.Supplier<String> device) {
        this.jobs = jobs;
        this.dataset = new DatasetStep(jobs, classes.classes());
        this.checkpoint = new CheckpointStep(jobs, device);
        dataset.previewProperty().addListener((o, a, b) -> species.clear());
    }

    // ---- background steps -------------------------------------------------------------------------

    /** Reads the dataset folder in the background (detecting the format if none is chosen). */
    public Task<DatasetImport> startPreview() {
        return dataset.startPreview();
    }

    /** Loads and validates the checkpoint in the background. */
    public Task<CheckpointInfo> startCheckpointCheck() {
        return checkpoint.startCheck();
    }

    /** Creates the project in the background; the task's value is the project folder. */
    public Task<Path> create() {
        ProjectCreator.Spec spec = spec();
        Map<String, String> settings = moreSettings();
        Task<Path> t = new TaskJob<>("Creating the project", p -> ProjectCreator.create(spec, settings).projectDir());
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
        CheckpointInfo c = checkpoint.infoProperty().get();
        Path corpusPath = PathField.parse(corpus.get());
        return new ProjectCreator.Spec(PathField.parse(dataset.projectDirProperty().get()), dataset.previewProperty().get(),
                classInfos(), c == null ? null : c.path(), c == null ? null : c.contentHash(), corpusPath, 0.1, 0.2, 0);
    }

    /**
     * Matches the dataset's classes to a species list (CSV: scientific name, common name, synonyms) as
     * {@code alor init --classes} does; the classes take the species' names only when every one matched one species.
     */
    public void importSpeciesList(Path csv) {
        species.importFrom(csv, previewProperty().get(), classes.classes());
    }

    /** Forgets a species list that could not be applied (the classes keep their names). */
    public void clearSpeciesList() {
        species.clear();
    }

    /** The classes' matches to the last species list, shown in the classes step. */
    ObservableList<SpeciesListImport.Line> speciesLines() {
        return species.lines();
    }

    StringProperty speciesProblemProperty() {
        return species.problemProperty();
    }

    StringProperty speciesFileProperty() {
        return species.fileProperty();
    }

    public List<ClassInfo> classInfos() {
        return classes.classInfos();
    }

    // ---- validation and navigation -----------------------------------------------------------------

    /** The problems of a step, field key → message; empty when the step is valid. */
    public Map<String, String> errors(Step s) {
        Map<String, String> e = new LinkedHashMap<>();
        switch (s) {
            case DATASET -> dataset.addErrors(e);
            case CLASSES -> {
                classes.addErrors(e);
                species.addErrors(e);
            }
            case CHECKPOINT -> checkpoint.addErrors(e);
            case OPEN_DATA -> {
                if (!corpus.get().isBlank()) {
                    Path p = PathField.parse(corpus.get());
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
        return Bindings.createBooleanBinding(() -> errors(step.get()).isEmpty(), step, projectDirProperty(),
                datasetDirProperty(), previewProperty(), previewErrorProperty(), previewRunningProperty(), classes(),
                checkpointProperty(), checkpointInfoProperty(), checkpointErrorProperty(), checkpointRunningProperty(), corpus,
                species.problemProperty());
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
        return dataset.previewSummary();
    }

    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("Project folder: ").append(dataset.projectDirProperty().get()).append('\n');
        sb.append("Dataset: ").append(dataset.datasetDirProperty().get()).append('\n').append("  ").append(previewSummary()).append('\n');
        sb.append("Classes: ").append(classes().size()).append('\n');
        CheckpointInfo c = checkpoint.infoProperty().get();
        sb.append("CLIP checkpoint: ").append(c == null ? "none (set it later: " + setCheckpointCommand() + ")" : c.path() + "\n  " + c.description()).append('\n');
        sb.append("Prompt set: ").append(promptSetKey()).append(" (").append(promptSet.get().prompts("{class}").get(0)).append(")\n");
        sb.append("Open data: ").append(corpus.get().isBlank() ? "none" : corpus.get()).append('\n');
        return sb.toString();
    }

    /** The command that sets the checkpoint of this project later, as `alor set --help` documents it. */
    String setCheckpointCommand() {
        String dir = dataset.projectDirProperty().get();
        return "alor set --checkpoint=PATH " + shellWord(dir == null || dir.isBlank() ? "PROJECT_DIR" : dir.strip());
    }

    /** The checkpoint step's hint under the path field. */
    public String checkpointHint() {
        return "Leave empty to choose it later: " + setCheckpointCommand();
    }

    /** A path as one shell word: quoted when it holds spaces or shell characters. */
    static String shellWord(String s) {
        return s.matches("[A-Za-z0-9_./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** Every prompt set `alor init --prompts` knows. */
    public List<PromptTemplates> promptSets() {
        return List.of(PromptTemplates.values());
    }

    public ObjectProperty<PromptTemplates> promptSetProperty() {
        return promptSet;
    }

    private String promptSetKey() {
        return promptSet.get().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Project settings beyond the spec, as `alor init --prompts` records them. */
    Map<String, String> moreSettings() {
        return Map.of(Settings.PROMPT_SET, promptSetKey());
    }

    // ---- accessors ----------------------------------------------------------------------------------

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public StringProperty projectDirProperty() {
        return dataset.projectDirProperty();
    }

    public StringProperty datasetDirProperty() {
        return dataset.datasetDirProperty();
    }

    public ObjectProperty<DatasetFormat> formatProperty() {
        return dataset.formatProperty();
    }

    public StringProperty classFileProperty() {
        return dataset.classFileProperty();
    }

    public ObjectProperty<DatasetImport> previewProperty() {
        return dataset.previewProperty();
    }

    public StringProperty previewErrorProperty() {
        return dataset.previewErrorProperty();
    }

    public StringProperty previewProgressProperty() {
        return dataset.previewProgressProperty();
    }

    public BooleanProperty previewRunningProperty() {
        return dataset.previewRunningProperty();
    }

    public ObservableList<ClassRow> classes() {
        return classes.classes();
    }

    public StringProperty checkpointProperty() {
        return checkpoint.checkpointProperty();
    }

    public ObjectProperty<CheckpointInfo> checkpointInfoProperty() {
        return checkpoint.infoProperty();
    }

    public StringProperty checkpointErrorProperty() {
        return checkpoint.errorProperty();
    }

    public BooleanProperty checkpointRunningProperty() {
        return checkpoint.runningProperty();
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
