package org.alor.app.data;

import org.alor.app.common.ImageCache;
import org.alor.app.common.OpenProject;
import org.alor.app.common.PageHost;
import org.alor.app.common.SampleFiles;
import org.alor.app.common.TaskJob;
import org.alor.app.common.Views;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.alor.data.ImportProblem;
import org.alor.data.Split;
import org.alor.store.ProjectOverview;
import org.alor.store.ProjectOverview.ClassRow;
import org.alor.store.StoredSample;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Data: the project's images as a virtualised thumbnail grid with filters (class, split, labeled, predicted class,
 * confidence, label ≠ prediction), the classes with counts per split, and the problems found, import problems
 * included. The filtering itself is {@link DataFilter}.
 */
public final class DataView {
    private static final double TILE = 140;
    private final VBox root = new VBox(10);
    private final PageHost host;
    private final OpenProject project;
    private final GridView<DataItem> grid = new GridView<>();
    private final Label resultCount = new Label("Reading the images…");
    private final Label noMatch = Views.muted("");
    private final ImageCache thumbs = new ImageCache(160, 600);
    private final Map<Integer, String> classNames = new HashMap<>();
    private final ComboBox<Choice> classBox = new ComboBox<>();
    private final ComboBox<Choice> splitBox = new ComboBox<>();
    private final ComboBox<Choice> labeledBox = new ComboBox<>();
    private final ComboBox<Choice> predictedBox = new ComboBox<>();
    private final Spinner<Double> minConfidence = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 1, 0, 0.05));
    private final Spinner<Double> maxConfidence = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 1, 1, 0.05));
    private final CheckBox disagreement = new CheckBox("Label \u2260 prediction");
    private final SampleFiles files;
    private List<DataItem> all = List.of();

    /** A choice of a filter box: its shown text and the value it stands for (null: any). */
    private record Choice(String text, Object value) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** The line under the page title: sizes, decisions and rounds run, then the project folder. */
    static String countsText(ProjectOverview o) {
        return o.classes().size() + " classes · "
                + o.countsBySplit().getOrDefault(Split.POOL, 0) + " pool · " + o.countsBySplit().getOrDefault(Split.VAL, 0)
                + " val · " + o.countsBySplit().getOrDefault(Split.TEST, 0) + " test · "
                + o.countsBySplit().getOrDefault(Split.RETRIEVED, 0) + " retrieved · " + o.labeled() + " labeled · "
                + o.unsure() + " unsure · " + o.roundsRun() + (o.roundsRun() == 1 ? " round" : " rounds") + "\n" + o.dir();
    }

    public DataView(PageHost host, OpenProject project) {
        this.host = host;
        this.project = project;
        this.files = SampleFiles.of(project.store());
        ProjectOverview o = project.overview();
        for (ClassRow c : o.classes()) classNames.put(c.id(), c.mostCommonName());
        root.setPadding(Views.pagePadding());
        Label counts = Views.muted(countsText(o));
        counts.setMinHeight(Region.USE_PREF_SIZE); // the grid below takes the height, not these two lines
        root.getChildren().addAll(Views.title(o.name()), counts);
        for (String p : o.problems()) {
            Label warn = new Label("⚠ " + p);
            warn.getStyleClass().add("warning");
            warn.setWrapText(true);
            warn.setMinHeight(Region.USE_PREF_SIZE);
            root.getChildren().add(warn);
        }
        root.getChildren().add(importProblems(o.importProblems()));
        Tab images = new Tab("Images", imagesPane());
        Tab classes = new Tab("Classes", classTable(o));
        TabPane tabs = new TabPane(images, classes);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("data-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.getChildren().add(tabs);
        load();
    }

    public Parent root() {
        return root;
    }

    private TitledPane importProblems(List<ImportProblem> problems) {
        ListView<ImportProblem> list = new ListView<>(FXCollections.observableArrayList(problems));
        list.setId("import-problems");
        list.setPlaceholder(Views.muted("No file or line was skipped at import."));
        list.setPrefHeight(Math.min(140, 28 + 26 * Math.max(1, problems.size())));
        TitledPane pane = new TitledPane("Import problems (" + problems.size() + ")", list);
        pane.setId("import-problems-pane");
        pane.setExpanded(!problems.isEmpty() && problems.size() <= 20);
        pane.setMinHeight(Region.USE_PREF_SIZE);
        return pane;
    }

    private VBox imagesPane() {
        List<Choice> classChoices = new ArrayList<>();
        classChoices.add(new Choice("Any class", null));
        List<Integer> ids = new ArrayList<>(classNames.keySet());
        ids.sort(Integer::compare);
        for (int id : ids) classChoices.add(new Choice(classNames.get(id), id));
        classBox.getItems().setAll(classChoices);
        List<Choice> predictedChoices = new ArrayList<>(classChoices);
        predictedChoices.set(0, new Choice("Any prediction", null));
        predictedBox.getItems().setAll(predictedChoices);
        splitBox.getItems().setAll(new Choice("Any split", null), new Choice("pool", Split.POOL), new Choice("val", Split.VAL),
                new Choice("test", Split.TEST), new Choice("retrieved", Split.RETRIEVED));
        labeledBox.getItems().setAll(new Choice("Labeled or not", DataFilter.Labeled.ANY),
                new Choice("Labeled", DataFilter.Labeled.LABELED), new Choice("Unlabeled", DataFilter.Labeled.UNLABELED));
        classBox.setId("filter-class");
        splitBox.setId("filter-split");
        labeledBox.setId("filter-labeled");
        predictedBox.setId("filter-predicted");
        minConfidence.setId("filter-min-confidence");
        maxConfidence.setId("filter-max-confidence");
        disagreement.setId("filter-disagreement");
        for (Spinner<Double> s : List.of(minConfidence, maxConfidence)) {
            s.setEditable(true);
            s.setPrefWidth(90);
            s.valueProperty().addListener((obs, a, b) -> refilter());
        }
        for (ComboBox<Choice> b : List.of(classBox, splitBox, labeledBox, predictedBox)) {
            b.getSelectionModel().select(0);
            b.valueProperty().addListener((obs, a, c) -> refilter());
        }
        disagreement.selectedProperty().addListener((obs, a, b) -> refilter());
        Button clear = new Button("Clear filters");
        clear.setId("clear-filters");
        clear.setOnAction(e -> clearFilters());
        resultCount.setId("data-result-count");
        resultCount.getStyleClass().add("muted");
        FlowPane filters = new FlowPane(8, 6, classBox, splitBox, labeledBox, predictedBox, new Label("Confidence"),
                minConfidence, new Label("to"), maxConfidence, disagreement, clear, resultCount);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.getStyleClass().add("data-filters");
        grid.setId("data-grid");
        grid.setCellWidth(TILE);
        grid.setCellHeight(TILE + 36);
        grid.setHorizontalCellSpacing(6);
        grid.setVerticalCellSpacing(6);
        grid.setCellFactory(g -> new Tile());
        noMatch.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(grid.getItems()));
        noMatch.setMouseTransparent(true);
        javafx.scene.layout.StackPane gridArea = new javafx.scene.layout.StackPane(grid, noMatch);
        VBox box = new VBox(8, filters, gridArea);
        box.setPadding(new javafx.geometry.Insets(8, 0, 0, 0));
        VBox.setVgrow(gridArea, Priority.ALWAYS);
        return box;
    }

    private void clearFilters() {
        for (ComboBox<Choice> b : List.of(classBox, splitBox, labeledBox, predictedBox)) b.getSelectionModel().select(0);
        minConfidence.getValueFactory().setValue(0.0);
        maxConfidence.getValueFactory().setValue(1.0);
        disagreement.setSelected(false);
    }

    DataFilter filter() {
        Double min = minConfidence.getValue();
        Double max = maxConfidence.getValue();
        return DataFilter.ALL.withClassId((Integer) value(classBox)).withSplit((Split) value(splitBox))
                .withLabeled((DataFilter.Labeled) value(labeledBox)).withPredicted((Integer) value(predictedBox))
                .withConfidence(min == null ? 0 : min, max == null ? 1 : max).withDisagreement(disagreement.isSelected());
    }

    private static Object value(ComboBox<Choice> box) {
        Choice c = box.getValue();
        return c == null ? null : c.value();
    }

    private void refilter() {
        List<DataItem> shown = filter().apply(all);
        grid.getItems().setAll(shown);
        resultCount.setText(String.format(Locale.ROOT, "%,d of %,d images", shown.size(), all.size()));
    }

    private void load() {
        Task<DataCatalog> t = new TaskJob<>("Reading the project's images", p -> DataCatalog.load(project.store()));
        t.setOnSucceeded(e -> {
            all = t.getValue().items();
            Integer round = t.getValue().predictionRound();
            String predictions = round == null ? "no predictions stored yet" : "predictions of round " + round;
            predictedBox.setTooltip(new Tooltip(predictions));
            noMatch.setText(all.isEmpty() ? "The project has no images." : "No image matches the filters.");
            refilter();
        });
        t.setOnFailed(e -> host.report("Reading the project's images failed", t.getException()));
        host.jobs().submit(t);
    }

    private String name(Integer classId) {
        return classId == null ? "?" : classNames.getOrDefault(classId, "class " + classId);
    }

    /** One thumbnail: made once per cell and refilled while the grid scrolls. */
    private final class Tile extends GridCell<DataItem> {
        private final ImageView image = new ImageView();
        private final Label caption = new Label();
        private final Label prediction = new Label();
        private final VBox box = new VBox(1, image, caption, prediction);
        private final Tooltip tip = new Tooltip();
        private java.nio.file.Path shownFile;

        Tile() {
            image.setFitWidth(TILE - 8);
            image.setFitHeight(TILE - 30);
            image.setPreserveRatio(true);
            caption.getStyleClass().add("thumb-caption");
            caption.setMaxWidth(TILE - 4);
            prediction.getStyleClass().add("thumb-caption");
            prediction.setMaxWidth(TILE - 4);
            box.setAlignment(Pos.TOP_CENTER);
            box.getStyleClass().add("data-thumb");
        }

        @Override
        protected void updateItem(DataItem item, boolean empty) {
            super.updateItem(item, empty);
            box.getStyleClass().remove("disagree");
            java.nio.file.Path file = empty || item == null ? null : files.resolve(
                    new StoredSample(item.sampleId(), item.path(), item.split(), item.label(), 0, 0, null, null));
            if (shownFile != null && !shownFile.equals(file)) thumbs.cancelIfLoading(shownFile);
            shownFile = file;
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                image.setImage(null);
                return;
            }
            image.setImage(thumbs.get(file));
            String label = item.label() == null ? "unlabeled" : name(item.label());
            caption.setText(item.split().key() + " · " + label);
            prediction.setText(item.predicted() == null ? "" : String.format(Locale.ROOT, "\u2192 %s %.0f%%",
                    name(item.predicted()), 100 * item.confidence()));
            if (item.disagrees()) box.getStyleClass().add("disagree");
            tip.setText(item.path() + "\n" + item.split().key() + " · " + label
                    + (item.predicted() == null ? "" : String.format(Locale.ROOT, "\npredicted %s (%.0f%%)", name(item.predicted()),
                    100 * item.confidence())));
            setTooltip(tip);
            setGraphic(box);
        }
    }

    private static TableView<ClassRow> classTable(ProjectOverview o) {
        TableView<ClassRow> table = new TableView<>(FXCollections.observableArrayList(o.classes()));
        table.setId("class-table");
        table.setPlaceholder(new Label("The project has no classes."));
        table.getColumns().add(column("ID", ClassRow::id, 50));
        table.getColumns().add(column("Name", ClassRow::name, 240));
        table.getColumns().add(column("Most common name", ClassRow::mostCommonName, 220));
        table.getColumns().add(column("Pool", ClassRow::pool, 70));
        table.getColumns().add(column("Val", ClassRow::val, 70));
        table.getColumns().add(column("Test", ClassRow::test, 70));
        table.getColumns().add(column("Retrieved", ClassRow::retrieved, 90));
        table.getColumns().add(column("Labeled", ClassRow::labeled, 80));
        return table;
    }

    private static <T> TableColumn<ClassRow, T> column(String title, Function<ClassRow, T> value, double width) {
        TableColumn<ClassRow, T> col = new TableColumn<>(title);
        col.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        col.setPrefWidth(width);
        return col;
    }
}
