package org.alor.app.demo;

import org.alor.app.charts.ChartData;
import org.alor.app.charts.Charts;
import org.alor.app.common.PageHost;
import org.alor.app.common.Views;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/**
 * Demo mode's race page: rounds N, Run / Cancel, both accuracy curves growing as each round finishes and each
 * side's per-class heat map. Everything it shows comes from {@link DemoViewModel}; it only draws.
 */
public final class DemoView {
    static final long REPLAY_PAUSE_MILLIS = 2500;
    private final VBox root = new VBox(12);
    private final DemoViewModel vm;
    private final PageHost shell;

    public DemoView(DemoViewModel vm, PageHost shell) {
        this.vm = vm;
        this.shell = shell;
        root.setId("demo-view");
        root.setPadding(Views.pagePadding());
        Spinner<Integer> rounds = Views.integerSpinner(1, 20, vm.lastRoundProperty().get());
        rounds.setId("demo-rounds");
        rounds.setPrefWidth(100);
        rounds.valueProperty().addListener((o, a, v) -> vm.lastRoundProperty().set(v));
        Spinner<Integer> epochs = Views.integerSpinner(1, 50, vm.epochsProperty().get());
        epochs.setId("demo-epochs");
        epochs.setPrefWidth(100);
        epochs.valueProperty().addListener((o, a, v) -> vm.epochsProperty().set(v));
        Button run = new Button("Run the race", Views.icon("mdi2p-play", 18));
        run.setId("demo-run");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(shell.jobRunningProperty());
        run.setOnAction(e -> shell.runJob(vm.task()));
        Button cancel = new Button("Cancel");
        cancel.setId("demo-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button replay = new Button("Replay a recording…", Views.icon("mdi2r-replay", 18));
        replay.setId("demo-replay");
        replay.disableProperty().bind(shell.jobRunningProperty());
        replay.setOnAction(e -> {
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle("A folder written by alor experiment (with runs/)");
            java.io.File dir = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (dir != null) replay(dir.toPath());
        });
        Label replayBadge = new Label();
        replayBadge.setId("demo-replay-badge");
        replayBadge.getStyleClass().add("replay-badge");
        replayBadge.textProperty().bind(vm.replayProperty());
        replayBadge.visibleProperty().bind(vm.replayProperty().isNotEmpty());
        replayBadge.managedProperty().bind(replayBadge.visibleProperty());
        replayBadge.setStyle("-fx-background-color: #c62828; -fx-text-fill: white; -fx-padding: 4 10 4 10;"
                + " -fx-background-radius: 4; -fx-font-weight: bold;");
        Label status = new Label();
        status.setId("demo-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // a flow, so demo mode's large text wraps the buttons onto a second line instead of cutting them to "…"
        javafx.scene.layout.FlowPane controls = new javafx.scene.layout.FlowPane(12, 8,
                whole(new Label("Rounds 0 …")), rounds, whole(new Label("Epochs per round")), epochs, whole(run), whole(cancel), whole(replay));
        controls.setAlignment(Pos.CENTER_LEFT);

        ChartViewer curves = new ChartViewer(curves(vm));
        curves.setId("demo-curves");
        curves.setPrefHeight(300);
        curves.setMinHeight(170);
        VBox.setVgrow(curves, Priority.ALWAYS); // the two curves are what a talk's audience reads first
        ChartViewer alorHeat = new ChartViewer(null);
        alorHeat.setId("demo-heat-alor");
        ChartViewer baselineHeat = new ChartViewer(null);
        baselineHeat.setId("demo-heat-baseline");
        vm.alorClassesProperty().addListener((o, a, d) -> alorHeat.setChart(d == null ? null : heat(DemoRace.ALOR.label(), d)));
        vm.baselineClassesProperty().addListener((o, a, d) -> baselineHeat.setChart(d == null ? null : heat(DemoRace.BASELINE.label(), d)));
        VBox alorSide = side(alorHeat, vm.alorCaptionProperty(), "demo-caption-alor");
        VBox baselineSide = side(baselineHeat, vm.baselineCaptionProperty(), "demo-caption-baseline");
        HBox heats = new HBox(12, alorSide, baselineSide);
        HBox.setHgrow(alorSide, Priority.ALWAYS);
        HBox.setHgrow(baselineSide, Priority.ALWAYS);
        alorSide.setPrefWidth(400);
        baselineSide.setPrefWidth(400);
        heats.setMinHeight(230);
        VBox.setVgrow(heats, Priority.ALWAYS);

        Label about = Views.muted(DemoRace.description());
        about.setWrapText(true);
        about.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap instead of an ellipsis
        root.getChildren().addAll(Views.title("ALOR vs standard active learning"), about,
                controls, replayBadge, status, curves, heats);
    }

    /** Replays a recorded experiment folder as a background job (labelled as a replay on the page). */
    public void replay(java.nio.file.Path experiment) {
        shell.runJob(vm.replayTask(experiment, REPLAY_PAUSE_MILLIS));
    }

    /** A control that keeps its whole text (the flow wraps instead). */
    private static <T extends javafx.scene.layout.Region> T whole(T control) {
        control.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return control;
    }

    private static VBox side(ChartViewer heat, javafx.beans.value.ObservableValue<String> caption, String id) {
        Label line = new Label();
        line.setId(id);
        line.setWrapText(true);
        line.textProperty().bind(caption);
        VBox box = new VBox(6, heat, line);
        VBox.setVgrow(heat, Priority.ALWAYS);
        return box;
    }

    private static JFreeChart curves(DemoViewModel vm) {
        NumberAxis x = new NumberAxis("Round");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("Accuracy (%)");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, Charts.ACCENT);
        r.setSeriesPaint(1, Charts.SECOND);
        r.setSeriesStroke(0, new BasicStroke(3.5f));
        r.setSeriesStroke(1, new BasicStroke(3.5f));
        XYPlot plot = new XYPlot(vm.curves(), x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Charts.GRID);
        plot.setDomainGridlinePaint(Charts.GRID);
        Font big = new Font("SansSerif", Font.PLAIN, 17);
        x.setLabelFont(big);
        y.setLabelFont(big.deriveFont(14f)); // FXGraphics2D draws rotated text larger than level text of the same size
        x.setTickLabelFont(big);
        y.setTickLabelFont(big);
        JFreeChart chart = new JFreeChart(null, big, plot, true);
        chart.getLegend().setItemFont(big);
        chart.setBackgroundPaint(Color.WHITE);
        return org.alor.app.common.ChartTheme.active().apply(chart); // dark with the dark theme, larger in demo mode
    }

    private static JFreeChart heat(String side, ChartData d) {
        JFreeChart chart = Charts.perClassHeatMap(d);
        chart.setTitle(side + ": per-class test accuracy");
        chart.getXYPlot().getRangeAxis().setLabel(null); // beside 1.5× demo text the long title is cut; the names speak
        return chart;
    }

    public Parent root() {
        return root;
    }
}
