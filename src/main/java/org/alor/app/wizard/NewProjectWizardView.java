package org.alor.app.wizard;

import org.alor.adapt.PromptTemplates;

import org.alor.app.common.Views;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.alor.data.DatasetFormat;
import org.alor.data.ImportProblem;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The new-project wizard's screen: step bar, the step's form with inline errors, Back / Next / Create. */
public final class NewProjectWizardView {
    private final NewProjectWizardModel m;
    private final BorderPane root = new BorderPane();
    private final HBox stepBar = new HBox(6);
    private final Consumer<Path> created;

    public NewProjectWizardView(NewProjectWizardModel m, Runnable cancel, Consumer<Path> created) {
        this.m = m;
        this.created = created;
        root.setId("wizard");
        root.getStyleClass().add("wizard");
        root.setPadding(Views.pagePadding());
        VBox top = new VBox(10, Views.title("New project"), stepBar);
        top.setPadding(new Insets(0, 0, 16, 0));
        root.setTop(top);
        root.setBottom(buttons(cancel));
        m.stepProperty().addListener((o, a, s) -> show());
        show();
    }

    public Parent root() {
        return root;
    }

    private void show() {
        stepBar.getChildren().clear();
        for (NewProjectWizardModel.Step s : NewProjectWizardModel.Step.values()) {
            Label l = new Label((s.ordinal() + 1) + "  " + s.title());
            l.getStyleClass().add("wizard-step");
            if (s == m.stepProperty().get()) l.getStyleClass().add("wizard-step-current");
            else if (s.ordinal() < m.stepProperty().get().ordinal()) l.getStyleClass().add("wizard-step-done");
            stepBar.getChildren().add(l);
        }
        root.setCenter(switch (m.stepProperty().get()) {
            case DATASET -> datasetStep();
            case CLASSES -> classesStep();
            case CHECKPOINT -> checkpointStep();
            case OPEN_DATA -> openDataStep();
            case SUMMARY -> summaryStep();
        });
    }

    private Node buttons(Runnable cancel) {
        Button back = new Button("Back");
        back.setId("wizard-back");
        back.disableProperty().bind(m.stepProperty().isEqualTo(NewProjectWizardModel.Step.DATASET));
        back.setOnAction(e -> m.back());
        Button next = new Button("Next");
        next.setId("wizard-next");
        next.setDefaultButton(true);
        next.disableProperty().bind(m.currentStepValid().not());
        next.visibleProperty().bind(m.stepProperty().isNotEqualTo(NewProjectWizardModel.Step.SUMMARY));
        next.managedProperty().bind(next.visibleProperty());
        next.setOnAction(e -> m.next());
        Button create = new Button("Create project");
        create.setId("wizard-create");
        create.getStyleClass().add("accent");
        create.visibleProperty().bind(m.stepProperty().isEqualTo(NewProjectWizardModel.Step.SUMMARY));
        create.managedProperty().bind(create.visibleProperty());
        create.disableProperty().bind(m.creatingProperty().or(m.currentStepValid().not()));
        create.setOnAction(e -> {
            Task<Path> t = m.create();
            t.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_SUCCEEDED, ev -> created.accept(t.getValue()));
        });
        Button cancelButton = new Button("Cancel");
        cancelButton.setId("wizard-cancel");
        cancelButton.setCancelButton(true);
        cancelButton.setOnAction(e -> cancel.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(8, cancelButton, spacer, back, next, create);
        box.setPadding(new Insets(16, 0, 0, 0));
        return box;
    }

    // ---- steps --------------------------------------------------------------------------------------

    private Node datasetStep() {
        TextField project = new TextField();
        project.setId("wizard-project-dir");
        project.textProperty().bindBidirectional(m.projectDirProperty());
        project.setPromptText("/path/to/new-project");
        TextField dataset = new TextField();
        dataset.setId("wizard-dataset-dir");
        dataset.textProperty().bindBidirectional(m.datasetDirProperty());
        dataset.setPromptText("/path/to/dataset (class folders, split files, CSV, …)");
        dataset.setOnAction(e -> m.startPreview());
        ComboBox<DatasetFormat> format = new ComboBox<>(FXCollections.observableArrayList(DatasetFormat.values()));
        format.getItems().add(0, null);
        format.setId("wizard-format");
        format.valueProperty().bindBidirectional(m.formatProperty());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(DatasetFormat f) {
                return f == null ? "detect" : f.key();
            }

            @Override
            public DatasetFormat fromString(String s) {
                return null;
            }
        });
        Button scan = new Button("Scan");
        scan.setId("wizard-scan");
        scan.setOnAction(e -> m.startPreview());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(m.previewRunningProperty());
        Label progress = Views.muted("");
        progress.textProperty().bind(m.previewProgressProperty());

        Label summary = new Label();
        summary.setId("wizard-preview");
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.createStringBinding(m::previewSummary, m.previewProperty()));
        ListView<ImportProblem> problems = new ListView<>();
        problems.setPrefHeight(140);
        m.previewProperty().addListener((o, a, d) -> problems.getItems().setAll(d == null ? java.util.List.of() : d.problems()));
        if (m.previewProperty().get() != null) problems.getItems().setAll(m.previewProperty().get().problems());
        problems.setPlaceholder(Views.muted("No problems."));

        GridPane g = form();
        g.addRow(0, new Label("Project folder"), withBrowse(project, true), error(NewProjectWizardModel.F_PROJECT));
        g.addRow(1, new Label("Dataset folder"), withBrowse(dataset, true), error(NewProjectWizardModel.F_DATASET));
        g.addRow(2, new Label("Format"), new HBox(8, format, scan, busy, progress));
        TextField classFile = new TextField();
        classFile.setId("wizard-class-file");
        classFile.textProperty().bindBidirectional(m.classFileProperty());
        classFile.setPromptText("optional: classes.txt (name | synonym | …), class metadata JSON or species list CSV");
        g.addRow(3, new Label("Class names"), withBrowse(classFile, false));
        VBox box = new VBox(12, g, section("Preview"), summary, section("Problems found"), problems);
        return box;
    }

    private Node classesStep() {
        TableView<ClassRow> table = new TableView<>(m.classes());
        table.setId("wizard-classes");
        table.setEditable(true);
        TableColumn<ClassRow, String> id = new TableColumn<>("ID");
        id.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(Integer.toString(c.getValue().id())));
        id.setPrefWidth(50);
        table.getColumns().add(id);
        table.getColumns().add(editable("Name (scientific)", r -> r.nameProperty(), 240));
        table.getColumns().add(editable("Common name", r -> r.commonNameProperty(), 200));
        table.getColumns().add(editable("Synonyms (separated by |)", r -> r.synonymsProperty(), 380));
        VBox.setVgrow(table, Priority.ALWAYS);
        Label problems = error(NewProjectWizardModel.F_CLASSES);
        problems.setMaxWidth(Double.MAX_VALUE);
        problems.setMinHeight(Region.USE_PREF_SIZE);
        return new VBox(10, Views.muted("Double-click a cell to edit. Synonyms are used to find images in open data and in the class search."),
                speciesImport(), problems, speciesMatches(), table);
    }

    /** "Import species list (CSV)…": names the classes from a species list matched to the class folders. */
    private Node speciesImport() {
        Button importList = new Button("Import species list (CSV)…");
        importList.setId("wizard-import-species");
        importList.setMinWidth(Region.USE_PREF_SIZE);
        importList.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Species list");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Species list (CSV)", "*.csv", "*.CSV"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File f = chooser.showOpenDialog(root.getScene().getWindow());
            if (f != null) m.importSpeciesList(f.toPath());
        });
        Button clear = new Button("Clear");
        clear.setId("wizard-clear-species");
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.visibleProperty().bind(m.speciesProblemProperty().isNotEmpty());
        clear.managedProperty().bind(clear.visibleProperty());
        clear.setOnAction(e -> m.clearSpeciesList());
        Label file = new Label();
        file.setId("wizard-species-file");
        file.setMinWidth(Region.USE_PREF_SIZE);
        file.textProperty().bind(m.speciesFileProperty());
        HBox buttons = new HBox(8, importList, clear, file);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label hint = Views.muted("Species list: a CSV with a header row naming scientific name, common name and synonyms "
                + "(| or ; between synonyms). Each class folder must match one species by any of its names.");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        return new VBox(4, buttons, hint);
    }

    /** Every class folder with the species it matched (or why none), shown until the list is cleared. */
    private Node speciesMatches() {
        ListView<SpeciesListImport.Line> list = new ListView<>(m.speciesLines());
        list.setId("wizard-species-matches");
        list.setPrefHeight(140);
        list.setMinHeight(Region.USE_PREF_SIZE);
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(SpeciesListImport.Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().remove("error-text");
                setText(empty || line == null ? null : switch (line.kind()) {
                    case MATCHED -> "✓ ";
                    case PROBLEM -> "✗ ";
                    case NOTE -> "• ";
                } + line.text());
                if (!empty && line != null && line.kind() == SpeciesListImport.Kind.PROBLEM) getStyleClass().add("error-text");
            }
        });
        list.visibleProperty().bind(Bindings.isNotEmpty(m.speciesLines()));
        list.managedProperty().bind(list.visibleProperty());
        return list;
    }

    private static TableColumn<ClassRow, String> editable(String title,
            java.util.function.Function<ClassRow, javafx.beans.property.StringProperty> prop, double width) {
        TableColumn<ClassRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> prop.apply(cell.getValue()));
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        c.setOnEditCommit(e -> prop.apply(e.getRowValue()).set(e.getNewValue()));
        c.setPrefWidth(width);
        return c;
    }

    private Node checkpointStep() {
        TextField path = new TextField();
        path.setId("wizard-checkpoint");
        path.textProperty().bindBidirectional(m.checkpointProperty());
        path.setPromptText("OpenCLIP / Hugging Face checkpoint folder or file (optional)");
        path.setOnAction(e -> m.startCheckpointCheck());
        Button check = new Button("Check");
        check.setId("wizard-check-checkpoint");
        check.setOnAction(e -> m.startCheckpointCheck());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(m.checkpointRunningProperty());
        Label info = new Label();
        info.setId("wizard-checkpoint-info");
        info.setWrapText(true);
        info.textProperty().bind(Bindings.createStringBinding(() -> {
            CheckpointInfo c = m.checkpointInfoProperty().get();
            return c == null ? "" : c.description() + "\n" + String.format(java.util.Locale.ROOT, "%,d parameters", c.parameters())
                    + " · will run on " + c.device();
        }, m.checkpointInfoProperty()));
        GridPane g = form();
        g.addRow(0, new Label("Checkpoint"), new HBox(6, withBrowse(path, false), check, busy), error(NewProjectWizardModel.F_CHECKPOINT));
        Label hint = Views.muted("");
        hint.setId("wizard-checkpoint-hint");
        hint.textProperty().bind(Bindings.createStringBinding(m::checkpointHint, m.projectDirProperty()));
        ComboBox<PromptTemplates> prompts = new ComboBox<>(FXCollections.observableArrayList(m.promptSets()));
        prompts.setId("wizard-prompt-set");
        prompts.valueProperty().bindBidirectional(m.promptSetProperty());
        prompts.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PromptTemplates p) {
                return p == null ? "" : p.name().toLowerCase(java.util.Locale.ROOT) + " \u2014 \u201c" + p.prompts("{class}").get(0) + "\u201d";
            }

            @Override
            public PromptTemplates fromString(String s) {
                return PromptTemplates.parse(s.split(" ")[0]);
            }
        });
        g.addRow(1, new Label("Prompt set"), prompts);
        g.add(Views.muted("The text prompts zero-shot and CT build from the class names."), 1, 2);
        return new VBox(12, g, info, hint);
    }

    private Node openDataStep() {
        TextField corpus = new TextField();
        corpus.setId("wizard-corpus");
        corpus.textProperty().bindBidirectional(m.corpusProperty());
        corpus.setPromptText("Open-data corpus: shards, folder or Parquet (optional)");
        GridPane g = form();
        g.addRow(0, new Label("Corpus"), withBrowse(corpus, true), error(NewProjectWizardModel.F_CORPUS));
        return new VBox(12, g, Views.muted("Retrieval finds images of your classes in the corpus by their names and synonyms."));
    }

    private Node summaryStep() {
        Label s = new Label(m.summary());
        s.setId("wizard-summary");
        s.setWrapText(true);
        Label err = new Label();
        err.getStyleClass().add("error-text");
        err.textProperty().bind(m.createErrorProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(24, 24);
        busy.visibleProperty().bind(m.creatingProperty());
        return new VBox(12, s, new HBox(8, busy, err));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private Label error(String field) {
        Label l = new Label();
        l.setId("error-" + field);
        l.getStyleClass().add("error-text");
        l.setWrapText(true);
        l.setMaxWidth(360);
        l.textProperty().bind(Bindings.createStringBinding(() -> m.errors(m.stepProperty().get()).getOrDefault(field, ""),
                m.currentStepValid(), m.projectDirProperty(), m.datasetDirProperty(), m.previewProperty(), m.previewErrorProperty(),
                m.previewRunningProperty(), m.classes(), m.checkpointProperty(), m.checkpointInfoProperty(),
                m.checkpointErrorProperty(), m.checkpointRunningProperty(), m.corpusProperty(), m.speciesProblemProperty()));
        return l;
    }

    private Node withBrowse(TextField field, boolean directory) {
        field.setPrefColumnCount(30);
        Button browse = new Button("Browse…");
        browse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        browse.setOnAction(e -> {
            File f;
            if (directory) f = new DirectoryChooser().showDialog(root.getScene().getWindow());
            else f = new FileChooser().showOpenDialog(root.getScene().getWindow());
            if (f != null) field.setText(f.toString());
        });
        HBox b = new HBox(6, field, browse);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    /**
     * Names and controls keep their preferred width (demo mode's large fonts would cut them to "…"); the last
     * column (errors and notes) takes what is left and wraps.
     */
    private static GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(10);
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints controls = new javafx.scene.layout.ColumnConstraints();
        controls.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints notes = new javafx.scene.layout.ColumnConstraints();
        notes.setHgrow(javafx.scene.layout.Priority.SOMETIMES);
        notes.setMinWidth(160);
        g.getColumnConstraints().setAll(names, controls, notes);
        return g;
    }

    private static Label section(String t) {
        Label l = new Label(t);
        l.getStyleClass().add("section-title");
        return l;
    }
}
