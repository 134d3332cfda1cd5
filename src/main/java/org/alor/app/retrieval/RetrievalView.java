package org.alor.app.retrieval;

import org.alor.app.charts.Charts;
import org.alor.app.common.ImageCache;
import org.alor.app.common.OpenProject;
import org.alor.app.common.PageHost;
import org.alor.app.common.SampleFiles;
import org.alor.app.common.TaskJob;
import org.alor.app.common.Views;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.alor.store.ClassSynonym;
import org.alor.store.Settings;
import org.alor.store.StoredSample;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Retrieval (UI.md): class table (synonyms, matched, kept; tail rows tinted), the long-tail chart with
 * the cap line, and the selected class's retrieved images with their provenance; right-click a synonym
 * to exclude it from retrieval. Running retrieval needs the wired {@link RetrievalRunner}.
 */
public final class RetrievalView {
    private final PageHost model;
    private final OpenProject project;
    private final RetrievalRunner retrieval;
    private final BorderPane root = new BorderPane(new Label("Reading retrieval results…"));
    private final TableView<RetrievalData.Row> table = new TableView<>();
    private final FlowPane thumbs = new FlowPane(6, 6);
    private final VBox synonymBox = new VBox(4);
    private final ImageCache images = new ImageCache(160, 200);
    private final ChoiceBox<String> sort = new ChoiceBox<>();
    private final ListView<RetrievedImageExclusion.ExcludedImage> excludedList = new ListView<>();
    private final Label excludedTitle = new Label("Excluded images");
    /** The thumbnails in their shown order, and the ids of the selected ones. */
    private final List<StoredSample> shown = new ArrayList<>();
    private final Set<Long> selectedIds = new HashSet<>();
    private final IntegerProperty selectedCount = new SimpleIntegerProperty();
    private final Deque<List<RetrievedImageExclusion.ExcludedImage>> undoStack = new ArrayDeque<>();
    private final IntegerProperty undoable = new SimpleIntegerProperty();
    private int anchor = -1;
    private RetrievalData data;
    private static final String SORT_SCORE = "Ranking score, best first";
    private static final String SORT_STORED = "Order retrieved";

    public RetrievalView(PageHost model, OpenProject project, RetrievalRunner retrieval) {
        this.model = model;
        this.project = project;
        this.retrieval = retrieval;
        root.setId("retrieval-view");
        root.setPadding(Views.pagePadding());
        root.setTop(top());
        load();
    }

    public Parent root() {
        return root;
    }

    private Node top() {
        String corpus = project.overview().settings().getOrDefault(Settings.CORPUS, "none set (alor set corpus PATH)");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(12, Views.title("Retrieval"), Views.muted("Corpus: " + corpus), spacer);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(0, 0, 10, 0));
        Button run = new Button("Run retrieval", Views.icon("mdi2p-play", 16));
        run.setId("run-retrieval");
        run.disableProperty().bind(model.jobRunningProperty());
        run.setOnAction(e -> {
            Task<Integer> t = new TaskJob<>("Retrieval", (p, token) -> retrieval.retrieve(model.session(project.store()), p, token));
            t.setOnSucceeded(ev -> {
                model.statusProperty().set("Retrieval kept " + t.getValue() + " images");
                model.refreshOverview();
                load();
            });
            model.runJob(t);
        });
        box.getChildren().add(run);
        return box;
    }

    private void load() {
        boolean safe = model.preferences().safeContent();
        Task<RetrievalData> t = new TaskJob<>("Reading retrieval results", p -> RetrievalData.load(project.store(), safe));
        t.setOnSucceeded(e -> show(t.getValue()));
        t.setOnFailed(e -> model.report("Reading retrieval results failed", t.getException()));
        model.jobs().submit(t);
    }

    private void show(RetrievalData d) {
        data = d;
        RetrievalData.Row selected = table.getSelectionModel().getSelectedItem();
        if (table.getColumns().isEmpty()) buildTable();
        table.getItems().setAll(d.rows());
        if (selected != null) {
            d.rows().stream().filter(r -> r.classId() == selected.classId()).findFirst().ifPresent(r -> table.getSelectionModel().select(r));
        } else if (!d.rows().isEmpty()) {
            table.getSelectionModel().select(d.byKeptDescending().get(0));
        }
        ChartViewer chart = new ChartViewer(longTail(d));
        chart.setId("long-tail-chart");
        chart.setMinWidth(220);
        if (root.getCenter() instanceof SplitPane old && old.getItems().size() == 3) {
            old.getItems().set(1, chart);
        } else {
            root.setCenter(layout(chart));
        }
        showExcluded();
    }

    private SplitPane layout(ChartViewer chart) {
        Label legend = new Label("Tinted rows: the tail third of the classes (fewest images kept); TFS labels these first.");
        legend.setId("tail-legend");
        legend.setWrapText(true);
        Region swatch = new Region();
        swatch.getStyleClass().add("tail-swatch");
        swatch.setMinSize(14, 14);
        swatch.setMaxSize(14, 14);
        legend.setGraphic(swatch);
        legend.getStyleClass().add("muted");
        legend.setMinHeight(Region.USE_PREF_SIZE);
        VBox left = new VBox(6, table, legend);
        VBox.setVgrow(table, Priority.ALWAYS);
        ScrollPane thumbScroll = new ScrollPane(thumbs);
        thumbScroll.setFitToWidth(true);
        thumbs.setOnMouseClicked(e -> thumbs.requestFocus());
        Button excludeSelected = new Button("Exclude selected", Views.icon("mdi2i-image-remove", 16));
        excludeSelected.setId("exclude-selected");
        excludeSelected.disableProperty().bind(selectedCount.isEqualTo(0));
        excludeSelected.setOnAction(e -> excludeSelection());
        Button undo = new Button("Undo", Views.icon("mdi2u-undo", 16));
        undo.setId("undo-exclude");
        undo.disableProperty().bind(undoable.isEqualTo(0));
        undo.setOnAction(e -> undo());
        sort.getItems().setAll(SORT_SCORE, SORT_STORED);
        sort.setValue(SORT_SCORE);
        sort.setId("thumb-sort");
        sort.valueProperty().addListener((o, a, b) -> showClass(table.getSelectionModel().getSelectedItem()));
        Label sortLabel = new Label("Sort");
        sortLabel.setMinWidth(Region.USE_PREF_SIZE);
        for (javafx.scene.control.Control c : List.of(excludeSelected, undo, sort)) c.setMinWidth(Region.USE_PREF_SIZE);
        // wraps instead of cutting the buttons to "…" when the pane is narrow or the fonts large
        FlowPane tools = new FlowPane(8, 6, sortLabel, sort, excludeSelected, undo);
        tools.setAlignment(Pos.CENTER_LEFT);
        Label hint = Views.muted("Click, Ctrl+click or Shift+click to select; Delete excludes, Ctrl+Z undoes; double-click enlarges.");
        hint.setMinHeight(Region.USE_PREF_SIZE);
        excludedList.setId("excluded-list");
        excludedList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        excludedList.setPrefHeight(120);
        excludedList.setPlaceholder(Views.muted("No image excluded."));
        excludedList.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(RetrievedImageExclusion.ExcludedImage item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : excludedText(item));
            }
        });
        Button reinclude = new Button("Re-include", Views.icon("mdi2i-image-plus", 16));
        reinclude.setId("reinclude");
        reinclude.disableProperty().bind(excludedList.getSelectionModel().selectedItemProperty().isNull());
        reinclude.setOnAction(e -> include(List.copyOf(excludedList.getSelectionModel().getSelectedItems()), "Re-included"));
        excludedTitle.getStyleClass().add("section-title");
        HBox excludedHead = new HBox(8, excludedTitle, reinclude);
        excludedHead.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(8, section("Synonyms (right-click to exclude or include)"), synonymBox,
                section("Retrieved images"), tools, hint, thumbScroll, excludedHead, excludedList);
        VBox.setVgrow(thumbScroll, Priority.ALWAYS);
        right.setPadding(new Insets(0, 0, 0, 8));
        // the panes keep the divider positions: long excluded-image lines must not squeeze the chart
        right.setMinWidth(240);
        excludedList.setPrefWidth(240);
        right.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.Z) {
                undo();
                e.consume();
            } else if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && !selectedIds.isEmpty()
                    && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                excludeSelection();
                e.consume();
            }
        });
        SplitPane split = new SplitPane(left, chart, right);
        split.setDividerPositions(0.36, 0.62);
        return split;
    }

    private String excludedText(RetrievedImageExclusion.ExcludedImage e) {
        String cls = data == null ? "class " + e.classId() : data.rows().stream().filter(r -> r.classId() == e.classId())
                .map(RetrievalData.Row::displayName).findFirst().orElse("class " + e.classId());
        StoredSample asSample = new StoredSample(0, e.path(), org.alor.data.Split.RETRIEVED, e.classId(), e.width(), e.height(),
                e.contentHash(), e.provenanceJson());
        return cls + " \u00b7 " + provenanceLine(e.provenanceJson()) + RetrievedImageText.score(asSample)
                .map(v -> String.format(java.util.Locale.ROOT, " \u00b7 score %.2f", v)).orElse("");
    }

    private void showExcluded() {
        Task<List<RetrievedImageExclusion.ExcludedImage>> t = new TaskJob<>("Reading excluded images",
                p -> RetrievedImageExclusion.excluded(project.store()));
        t.setOnSucceeded(e -> {
            excludedList.getItems().setAll(t.getValue());
            excludedTitle.setText("Excluded images (" + t.getValue().size() + ")");
        });
        t.setOnFailed(e -> model.report("Reading the excluded images failed", t.getException()));
        model.jobs().submit(t);
    }

    private void buildTable() {
        table.setId("retrieval-classes");
        // narrow enough that Kept shows without scrolling at the default divider
        table.getColumns().add(col("Class", RetrievalData.Row::displayName, 150));
        table.getColumns().add(col("Synonyms", RetrievalData.Row::synonymText, 120));
        table.getColumns().add(col("Matched", RetrievalData.Row::matchedText, 68));
        table.getColumns().add(col("Kept", RetrievalData.Row::kept, 52));
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(RetrievalData.Row r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("tail-row");
                if (!empty && r != null && r.tail()) getStyleClass().add("tail-row");
                setTooltip(empty || r == null ? null : new javafx.scene.control.Tooltip(r.displayName()
                        + (r.name().equals(r.displayName()) ? "" : " \u2014 " + r.name())
                        + (r.tail() ? "\nTail class: few images kept, TFS labels it first" : "")));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> showClass(r));
        table.skinProperty().addListener((o, a, skin) -> javafx.application.Platform.runLater(this::fitHeaders));
    }

    /** Widens a column whose title does not fit (demo mode's large fonts would cut "Matched" to "Ma…"). */
    private void fitHeaders() {
        for (TableColumn<RetrievalData.Row, ?> c : table.getColumns()) {
            Node header = table.lookup("#" + c.getId());
            Node label = header == null ? null : header.lookup(".label");
            if (!(label instanceof Label l)) continue;
            l.applyCss();
            double need = Math.ceil(l.prefWidth(-1)) + 18;
            if (c.getWidth() < need || c.getPrefWidth() < need) {
                c.setMinWidth(need);
                c.setPrefWidth(Math.max(c.getPrefWidth(), need));
            }
        }
        // the table's share of the page grows (up to half) so that Kept shows without scrolling
        if (root.getCenter() instanceof SplitPane split && split.getWidth() > 0) {
            double columns = table.getColumns().stream().mapToDouble(TableColumn::getPrefWidth).sum() + 24;
            double share = Math.min(0.5, columns / split.getWidth());
            if (share > split.getDividerPositions()[0]) split.setDividerPosition(0, share);
        }
    }

    private void showClass(RetrievalData.Row r) {
        synonymBox.getChildren().clear();
        thumbs.getChildren().clear();
        shown.clear();
        selectedIds.clear();
        selectedCount.set(0);
        if (r == null || data == null) return;
        for (ClassSynonym s : r.synonyms()) {
            Label l = new Label((s.excluded() ? "✗ " : "") + s.synonym() + " · " + s.corpusCount() + " captions");
            l.getStyleClass().add(s.excluded() ? "muted" : "synonym");
            MenuItem toggle = new MenuItem(s.excluded() ? "Include this synonym" : "Exclude this synonym");
            toggle.setOnAction(e -> setExcluded(s, !s.excluded()));
            l.setContextMenu(new ContextMenu(toggle));
            synonymBox.getChildren().add(l);
        }
        SampleFiles files = SampleFiles.of(project.store());
        List<StoredSample> list = data.retrieved().getOrDefault(r.classId(), List.of());
        if (SORT_SCORE.equals(sort.getValue())) list = RetrievedImageText.byScore(list);
        if (list.isEmpty()) thumbs.getChildren().add(Views.muted(data.retrievalRan()
                ? "No images kept for this class — a tail class: TFS labels it first."
                : "Not retrieved yet: Run retrieval fills this with images from the corpus."));
        boolean show = data.showImages();
        if (!show && !list.isEmpty()) {
            Button allow = new Button("Show retrieved images of this project");
            allow.setId("allow-retrieved-images");
            allow.setOnAction(e -> allowImages());
            thumbs.getChildren().add(new VBox(4, Views.muted("Safe content is on: retrieved web images are hidden until you allow them."), allow));
        }
        for (StoredSample s : list.subList(0, Math.min(list.size(), 120))) {
            Node picture;
            if (show) {
                ImageView v = new ImageView(images.get(files.resolve(s)));
                v.setFitWidth(96);
                v.setFitHeight(72);
                v.setPreserveRatio(true);
                picture = v;
            } else {
                Label hidden = new Label("hidden", Views.icon("mdi2e-eye-off-outline", 20));
                hidden.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
                hidden.setMinSize(96, 72);
                hidden.setMaxSize(96, 72);
                hidden.setAlignment(Pos.CENTER);
                hidden.getStyleClass().addAll("thumb-placeholder", "safe-placeholder");
                picture = hidden;
            }
            Label caption = new Label(provenanceLine(s.provenanceJson()));
            caption.setMaxWidth(96);
            caption.getStyleClass().add("thumb-caption");
            VBox cell = new VBox(2, picture, caption);
            cell.getStyleClass().add("retrieved-thumb");
            cell.setUserData(s);
            int index = shown.size();
            shown.add(s);
            javafx.scene.control.Tooltip.install(cell, new javafx.scene.control.Tooltip(RetrievedImageText.tooltip(s)));
            cell.setOnMouseClicked(e -> {
                if (e.getButton() != MouseButton.PRIMARY) return;
                thumbs.requestFocus();
                if (e.getClickCount() == 2) {
                    if (show) enlarge(files.resolve(s), RetrievedImageText.tooltip(s));
                    return;
                }
                select(index, e.isShortcutDown(), e.isShiftDown());
                e.consume();
            });
            MenuItem exclude = new MenuItem("Exclude image");
            exclude.setId("exclude-image");
            exclude.setOnAction(e -> {
                if (!selectedIds.contains(s.id())) select(index, false, false);
                excludeSelection();
            });
            ContextMenu menu = new ContextMenu(exclude);
            cell.setOnContextMenuRequested(e -> menu.show(cell, e.getScreenX(), e.getScreenY()));
            thumbs.getChildren().add(cell);
        }
    }

    /** Plain click selects one image, Ctrl/Cmd+click toggles one, Shift+click selects the range from the last click. */
    private void select(int index, boolean toggle, boolean range) {
        if (range && anchor >= 0 && anchor < shown.size()) {
            if (!toggle) selectedIds.clear();
            for (int i = Math.min(anchor, index); i <= Math.max(anchor, index); i++) selectedIds.add(shown.get(i).id());
        } else if (toggle) {
            long id = shown.get(index).id();
            if (!selectedIds.remove(id)) selectedIds.add(id);
            anchor = index;
        } else {
            selectedIds.clear();
            selectedIds.add(shown.get(index).id());
            anchor = index;
        }
        for (Node n : thumbs.getChildren()) {
            n.getStyleClass().remove("selected-thumb");
            if (n.getUserData() instanceof StoredSample s && selectedIds.contains(s.id())) n.getStyleClass().add("selected-thumb");
        }
        selectedCount.set(selectedIds.size());
    }

    private void excludeSelection() {
        List<StoredSample> chosen = shown.stream().filter(s -> selectedIds.contains(s.id())).toList();
        if (!chosen.isEmpty()) exclude(chosen);
    }

    /** Exclude: training ignores the images from now on and retrieval re-runs skip them, until Undo or Re-include. */
    void exclude(List<StoredSample> chosen) {
        Task<List<RetrievedImageExclusion.ExcludedImage>> t = new TaskJob<>("Excluding " + chosen.size() + " image(s)",
                p -> RetrievedImageExclusion.exclude(project.store(), chosen));
        t.setOnSucceeded(e -> {
            undoStack.push(t.getValue());
            undoable.set(undoStack.size());
            model.statusProperty().set("Excluded " + chosen.size() + " image(s) (retrieval will not bring them back; Ctrl+Z undoes)");
            model.refreshOverview();
            load();
        });
        t.setOnFailed(e -> model.report("Excluding the images failed", t.getException()));
        model.jobs().submit(t);
    }

    private void undo() {
        if (undoStack.isEmpty()) return;
        List<RetrievedImageExclusion.ExcludedImage> last = undoStack.pop();
        undoable.set(undoStack.size());
        include(last, "Undone: re-included");
    }

    private void include(List<RetrievedImageExclusion.ExcludedImage> chosen, String done) {
        if (chosen.isEmpty()) return;
        Task<Void> t = new TaskJob<>("Re-including " + chosen.size() + " image(s)", p -> {
            RetrievedImageExclusion.include(project.store(), chosen);
            return null;
        });
        t.setOnSucceeded(e -> {
            java.util.Set<String> ids = chosen.stream().map(RetrievedImageExclusion.ExcludedImage::identity)
                    .collect(java.util.stream.Collectors.toSet());
            undoStack.forEach(batch -> batch.removeIf(x -> ids.contains(x.identity())));
            undoStack.removeIf(List::isEmpty);
            undoable.set(undoStack.size());
            model.statusProperty().set(done + " " + chosen.size() + " image(s)");
            model.refreshOverview();
            load();
        });
        t.setOnFailed(e -> model.report("Re-including the images failed", t.getException()));
        model.jobs().submit(t);
    }

    /** The image at full size in a window of its own (Escape closes it). */
    private void enlarge(java.nio.file.Path file, String text) {
        ImageView big = new ImageView(new javafx.scene.image.Image(file.toUri().toString(), true));
        big.setId("enlarged-image");
        big.setPreserveRatio(true);
        big.setFitWidth(800);
        big.setFitHeight(600);
        Label about = new Label(text);
        about.setWrapText(true);
        VBox box = new VBox(8, big, about);
        box.setPadding(new Insets(12));
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.initOwner(root.getScene().getWindow());
        stage.setTitle(file.getFileName().toString());
        javafx.scene.Scene scene = new javafx.scene.Scene(box);
        scene.getStylesheets().setAll(root.getScene().getStylesheets());
        box.getStyleClass().add("enlarged-image-window");
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) stage.close();
        });
        stage.setScene(scene);
        stage.show();
    }

    private void allowImages() {
        Task<Void> t = new TaskJob<>("Allowing retrieved images", p -> {
            project.store().settings().set(RetrievedImageExclusion.SHOW_RETRIEVED_IMAGES, true);
            return null;
        });
        t.setOnSucceeded(e -> load());
        t.setOnFailed(e -> model.report("Saving the setting failed", t.getException()));
        model.jobs().submit(t);
    }

    /** The first of caption / synonym / score in a provenance JSON, for a one-line caption. */
    static String provenanceLine(String json) {
        if (json == null) return "";
        try {
            com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
            for (String key : List.of("caption", "synonym", "url")) {
                if (o.has(key) && !o.get(key).isJsonNull()) return o.get(key).getAsString();
            }
        } catch (RuntimeException e) {
            return json;
        }
        return json;
    }

    private void setExcluded(ClassSynonym s, boolean excluded) {
        Task<Void> t = new TaskJob<>("Updating synonyms", p -> {
            project.store().classTable().setExcluded(s.classId(), s.synonym(), excluded);
            return null;
        });
        t.setOnSucceeded(e -> load());
        t.setOnFailed(e -> model.report("Updating the synonym failed", t.getException()));
        model.jobs().submit(t);
    }

    static JFreeChart longTail(RetrievalData d) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (RetrievalData.Row r : d.byKeptDescending()) ds.addValue(r.kept(), "kept", r.displayName());
        CategoryAxis x = new CategoryAxis("Classes, most images first");
        x.setTickLabelsVisible(d.rows().size() <= 30);
        x.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        x.setTickLabelFont(Charts.FONT.deriveFont(9f));
        NumberAxis y = new NumberAxis("Kept images");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer r = new BarRenderer();
        r.setSeriesPaint(0, Charts.ACCENT);
        r.setShadowVisible(false);
        r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        CategoryPlot plot = new CategoryPlot(ds, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Charts.GRID);
        plot.setOutlineVisible(false);
        int max = d.rows().stream().mapToInt(RetrievalData.Row::kept).max().orElse(0);
        if (max >= RetrievalData.CAP * 0.5) {
            ValueMarker cap = new ValueMarker(RetrievalData.CAP, new Color(0xc62828), new BasicStroke(1.5f));
            cap.setLabel("cap " + RetrievalData.CAP);
            plot.addRangeMarker(cap);
        }
        JFreeChart chart = new JFreeChart("Retrieved images per class", Charts.FONT.deriveFont(java.awt.Font.BOLD, 14f), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return org.alor.app.common.ChartTheme.active().apply(chart);
    }

    private static <T> TableColumn<RetrievalData.Row, T> col(String title, Function<RetrievalData.Row, T> f, double w) {
        TableColumn<RetrievalData.Row, T> c = new TableColumn<>(title);
        c.setId("column-" + title.toLowerCase(java.util.Locale.ROOT));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        c.setPrefWidth(w);
        return c;
    }

    private static Label section(String t) {
        Label l = new Label(t);
        l.getStyleClass().add("section-title");
        return l;
    }
}
