package org.alor.app;

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
final class DemoView {
    private final VBox root = new VBox(12);

    DemoView(DemoViewModel vm, ShellViewModel shell) {
        root.setId("demo-view");
        root.setPadding(Views.pagePadding());
        Spinner<Integer> rounds = new Spinner<>(1, 20, vm.lastRoundProperty().get());
        rounds.setId("demo-rounds");
        rounds.setPrefWidth(100);
        rounds.valueProperty().addListener((o, a, v) -> vm.lastRoundProperty().set(v));
        Button run = new Button("Run ALOR vs Random on the sample world", Views.icon("mdi2p-play", 18));
        run.setId("demo-run");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(shell.jobRunningProperty());
        run.setOnAction(e -> shell.runJob(vm.task()));
        Button cancel = new Button("Cancel");
        cancel.setId("demo-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Label status = new Label();
        status.setId("demo-status");
        status.textProperty().bind(vm.statusProperty());
        HBox controls = new HBox(12, new Label("Rounds 0 …"), rounds, run, cancel);
        controls.setAlignment(Pos.CENTER_LEFT);

        ChartViewer curves = new ChartViewer(curves(vm));
        curves.setId("demo-curves");
        curves.setPrefHeight(250);
        curves.setMinHeight(180);
        ChartViewer alorHeat = new ChartViewer(null);
        alorHeat.setId("demo-heat-alor");
        ChartViewer randomHeat = new ChartViewer(null);
        randomHeat.setId("demo-heat-random");
        vm.alorClassesProperty().addListener((o, a, d) -> alorHeat.setChart(d == null ? null : heat("ALOR (TFS)", d)));
        vm.randomClassesProperty().addListener((o, a, d) -> randomHeat.setChart(d == null ? null : heat("Random", d)));
        HBox heats = new HBox(12, alorHeat, randomHeat);
        HBox.setHgrow(alorHeat, Priority.ALWAYS);
        HBox.setHgrow(randomHeat, Priority.ALWAYS);
        alorHeat.setPrefWidth(400);
        randomHeat.setPrefWidth(400);
        heats.setMinHeight(300);
        VBox.setVgrow(heats, Priority.ALWAYS);

        Label about = Views.muted("Two copies of the sample world; an oracle labels the picks; linear probe. "
                + "Tail First Sampling (ALOR) against random picks, round by round.");
        about.setWrapText(true);
        root.getChildren().addAll(Views.title("ALOR vs Random"), about,
                controls, status, curves, heats);
    }

    private static JFreeChart curves(DemoViewModel vm) {
        NumberAxis x = new NumberAxis("Round");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("Test accuracy (%)");
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
        Font big = new Font("SansSerif", Font.PLAIN, 16);
        x.setLabelFont(big);
        y.setLabelFont(big);
        x.setTickLabelFont(big);
        y.setTickLabelFont(big);
        JFreeChart chart = new JFreeChart(null, big, plot, true);
        chart.getLegend().setItemFont(big);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static JFreeChart heat(String side, ChartData d) {
        JFreeChart chart = Charts.perClassHeatMap(d);
        chart.setTitle(side + ": per-class test accuracy");
        return chart;
    }

    Parent root() {
        return root;
    }
}
