package org.alor.app.retrieval;

import org.alor.app.charts.Charts;
import org.alor.app.common.ImageCache;
import org.alor.app.common.OpenProject;
import org.alor.app.common.PageHost;
import org.alor.app.common.SampleFiles;
import org.alor.app.common.TaskJob;
import org.alor.app.common.Views;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
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
import java.util.List;
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
    private RetrievalData data;

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
        table.getItems().setAll(d.rows());
        if (table.getColumns().isEmpty()) buildTable();
        if (selected != null) {
            d.rows().stream().filter(r -> r.classId() == selected.classId()).findFirst().ifPresent(r -> table.getSelectionModel().select(r));
        } else if (!d.rows().isEmpty()) {
            table.getSelectionModel().select(d.byKeptDescending().get(0));
        }
        ChartViewer chart = new ChartViewer(longTail(d));
        chart.setId("long-tail-chart");
        ScrollPane thumbScroll = new ScrollPane(thumbs);
        thumbScroll.setFitToWidth(true);
        VBox right = new VBox(8, section("Synonyms (right-click to exclude or include)"), synonymBox,
                section("Retrieved images"), thumbScroll);
        VBox.setVgrow(thumbScroll, Priority.ALWAYS);
        right.setPadding(new Insets(0, 0, 0, 8));
        SplitPane split = new SplitPane(table, chart, right);
        split.setDividerPositions(0.36, 0.7);
        root.setCenter(split);
    }

    private void buildTable() {
        table.setId("retrieval-classes");
        // narrow enough that Kept shows without scrolling at the default divider
        table.getColumns().add(col("Class", RetrievalData.Row::name, 150));
        table.getColumns().add(col("Synonyms", RetrievalData.Row::synonymText, 120));
        table.getColumns().add(col("Matched", RetrievalData.Row::matched, 68));
        table.getColumns().add(col("Kept", RetrievalData.Row::kept, 52));
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(RetrievalData.Row r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("tail-row");
                if (!empty && r != null && r.tail()) getStyleClass().add("tail-row");
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> showClass(r));
    }

    private void showClass(RetrievalData.Row r) {
        synonymBox.getChildren().clear();
        thumbs.getChildren().clear();
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
        if (list.isEmpty()) thumbs.getChildren().add(Views.muted("No images kept for this class — a tail class: TFS labels it first."));
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
            javafx.scene.control.Tooltip.install(cell, new javafx.scene.control.Tooltip(s.path() + "\n" + s.provenanceJson()));
            MenuItem exclude = new MenuItem("Exclude image");
            exclude.setId("exclude-image");
            exclude.setOnAction(e -> exclude(s));
            ContextMenu menu = new ContextMenu(exclude);
            cell.setOnContextMenuRequested(e -> menu.show(cell, e.getScreenX(), e.getScreenY()));
            thumbs.getChildren().add(cell);
        }
    }

    /** Right-click → Exclude image: training ignores it from now on and retrieval re-runs skip it. */
    void exclude(StoredSample s) {
        Task<Void> t = new TaskJob<>("Excluding " + s.path(), p -> {
            RetrievedImageExclusion.exclude(project.store(), s);
            return null;
        });
        t.setOnSucceeded(e -> {
            model.statusProperty().set("Excluded " + s.path() + " (retrieval will not bring it back)");
            model.refreshOverview();
            load();
        });
        t.setOnFailed(e -> model.report("Excluding the image failed", t.getException()));
        model.jobs().submit(t);
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
        for (RetrievalData.Row r : d.byKeptDescending()) ds.addValue(r.kept(), "kept", r.commonName());
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
        return chart;
    }

    private static <T> TableColumn<RetrievalData.Row, T> col(String title, Function<RetrievalData.Row, T> f, double w) {
        TableColumn<RetrievalData.Row, T> c = new TableColumn<>(title);
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
