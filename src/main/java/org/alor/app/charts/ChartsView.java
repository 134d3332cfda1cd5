package org.alor.app.charts;

import org.alor.app.common.PageHost;
import org.alor.app.common.TaskJob;
import org.alor.app.common.Views;

import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import org.jfree.chart.fx.ChartViewer;

import java.io.File;
import java.nio.file.Path;

/** Charts: Overall / Per class / Counts tabs, each exportable as PNG or SVG and its data as CSV. */
public final class ChartsView {
    private final ChartsViewModel vm;
    private final PageHost shell;
    private final BorderPane root = new BorderPane(new Label("Reading metrics…"));
    private final TabPane tabs = new TabPane();

    public ChartsView(ChartsViewModel vm, PageHost shell) {
        this.vm = vm;
        this.shell = shell;
        root.setId("charts-view");
        root.setPadding(new Insets(12, 16, 12, 16));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        vm.dataProperty().addListener((o, a, d) -> show(d));
        if (vm.dataProperty().get() != null) show(vm.dataProperty().get());
        else {
            Task<ChartData> t = vm.load(shell.jobs());
            t.setOnFailed(e -> shell.report("Reading metrics failed", t.getException()));
        }
    }

    public Parent root() {
        return root;
    }

    private void show(ChartData d) {
        if (d.isEmpty()) {
            root.setCenter(Views.empty("mdi2c-chart-line", "No metrics yet", "Charts appear once a round has been evaluated."));
            return;
        }
        tabs.getTabs().clear();
        ConfusionView confusion = new ConfusionView(vm.store(), shell, d);
        Tab confusionTab = new Tab("Confused classes", confusion.root());
        for (ChartsViewModel.Kind k : ChartsViewModel.Kind.values()) {
            ChartViewer viewer = new ChartViewer(ChartsViewModel.chart(k, d));
            viewer.setId("chart-" + k.name().toLowerCase(java.util.Locale.ROOT));
            javafx.scene.Node content = switch (k) {
                case PER_CLASS -> withClassDetail(viewer, d);
                case OVERALL -> withDropNotes(viewer, d, r -> {
                    tabs.getSelectionModel().select(confusionTab);
                    confusion.show(r);
                });
                default -> viewer;
            };
            Tab tab = new Tab(k.title(), content);
            tab.setUserData(k);
            tabs.getTabs().add(tab);
        }
        tabs.getTabs().add(confusionTab);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t == confusionTab && !d.rounds().isEmpty()) confusion.showIfNone(DropNotes.of(d).stream().findFirst()
                    .map(DropNotes.Note::round).orElse(d.rounds().get(d.rounds().size() - 1)));
        });
        Button png = new Button("Export PNG…", Views.icon("mdi2i-image-outline", 16));
        png.setId("export-png");
        png.setOnAction(e -> export(d, "png"));
        Button svg = new Button("Export SVG…", Views.icon("mdi2v-vector-square", 16));
        svg.setId("export-svg");
        svg.setOnAction(e -> export(d, "svg"));
        Button csv = new Button("Export CSV…", Views.icon("mdi2f-file-delimited-outline", 16));
        csv.setId("export-csv");
        csv.setOnAction(e -> export(d, "csv"));
        for (Button b : new Button[]{png, svg, csv}) {
            b.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> tabs.getSelectionModel().getSelectedItem() == null
                            || tabs.getSelectionModel().getSelectedItem().getUserData() == null,
                    tabs.getSelectionModel().selectedItemProperty()));
        }
        HBox bar = new HBox(8, Views.title("Charts"), new javafx.scene.layout.Region(), png, svg, csv);
        HBox.setHgrow(bar.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 8, 0));
        root.setTop(bar);
        root.setCenter(tabs);
    }

    /**
     * The overall chart and, under it, a note for each round whose accuracy fell: the classes that lost most and a link
     * to the class pairs that round's model confuses.
     */
    private javafx.scene.Node withDropNotes(ChartViewer chart, ChartData d, java.util.function.IntConsumer showConfusion) {
        java.util.List<DropNotes.Note> notes = DropNotes.of(d);
        if (notes.isEmpty()) return chart;
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(4);
        box.setPadding(new Insets(8, 4, 0, 4));
        for (DropNotes.Note n : notes) {
            Label text = new Label(n.text());
            text.setWrapText(true);
            text.getStyleClass().add("accuracy-drop");
            javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink("See which classes round " + n.round() + " confused");
            link.setOnAction(e -> showConfusion.accept(n.round()));
            if (box.getChildren().isEmpty()) {
                text.setId("accuracy-drop");
                link.setId("show-confusion");
            }
            box.getChildren().addAll(text, link);
        }
        BorderPane pane = new BorderPane(chart);
        pane.setBottom(box);
        return pane;
    }

    /** Clicking a class in the heat map shows its accuracy and labeled images per round below it. */
    private javafx.scene.Node withClassDetail(ChartViewer heatMap, ChartData d) {
        javafx.scene.layout.StackPane detail = new javafx.scene.layout.StackPane(Views.muted("Click a class in the heat map to see its rounds."));
        detail.setId("class-detail");
        detail.setPrefHeight(260);
        heatMap.addChartMouseListener(new org.jfree.chart.fx.interaction.ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(org.jfree.chart.fx.interaction.ChartMouseEventFX e) {
                if (e.getEntity() instanceof org.jfree.chart.entity.XYItemEntity item) {
                    Integer classId = Charts.classAtHeatMapItem(d, item.getItem());
                    if (classId != null) detail.getChildren().setAll(new ChartViewer(Charts.classDetail(d, classId)));
                }
            }

            @Override
            public void chartMouseMoved(org.jfree.chart.fx.interaction.ChartMouseEventFX e) {
            }
        });
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(heatMap, detail);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        return split;
    }

    private void export(ChartData d, String ext) {
        ChartsViewModel.Kind kind = (ChartsViewModel.Kind) tabs.getSelectionModel().getSelectedItem().getUserData();
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(kind.name().toLowerCase(java.util.Locale.ROOT) + "." + ext);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(java.util.Locale.ROOT), "*." + ext));
        File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f == null) return;
        Path file = f.toPath();
        Task<Void> t = new TaskJob<>("Exporting " + file.getFileName(), p -> {
            switch (ext) {
                case "png" -> ChartsViewModel.exportPng(kind, d, file, 1600, 1000);
                case "svg" -> ChartsViewModel.exportSvg(kind, d, file, 1600, 1000);
                default -> ChartsViewModel.exportCsv(kind, d, file);
            }
            return null;
        });
        t.setOnSucceeded(e -> shell.statusProperty().set("Saved " + file));
        shell.runJob(t);
    }
}
