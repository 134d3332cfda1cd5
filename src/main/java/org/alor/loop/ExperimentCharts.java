package org.alor.loop;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PNG charts of an experiment (JFreeChart, headless):
 * <ul>
 *   <li>{@code accuracy_<method>_rda<on|off>.png}: test accuracy vs round, one line per strategy (mean over seeds,
 *       band = ± std);</li>
 *   <li>{@code per_class_<method>_<strategy>_rda<on|off>.png}: per-class test accuracy of round 0 and of the last
 *       round, classes sorted by their round-0 accuracy (as the paper's tail-class figure).</li>
 * </ul>
 */
final class ExperimentCharts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private final ExperimentPlan plan;
    private final List<RunOutcome> outcomes;

    ExperimentCharts(ExperimentPlan plan, List<RunOutcome> outcomes) {
        this.plan = plan;
        this.outcomes = outcomes;
    }

    void writeTo(Path dir) throws IOException {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        for (String method : plan.methods()) {
            for (boolean rda : plan.rda()) {
                JFreeChart chart = accuracyChart(method, rda);
                if (chart != null) save(chart, dir.resolve("accuracy_" + method + "_rda" + onOff(rda) + ".png"));
            }
        }
        Map<String, List<RunOutcome>> groups = new LinkedHashMap<>();
        for (RunOutcome o : outcomes) groups.computeIfAbsent(o.run().group(), k -> new ArrayList<>()).add(o);
        for (List<RunOutcome> group : groups.values()) {
            ExperimentPlan.Run r = group.get(0).run();
            JFreeChart chart = perClassChart(group);
            if (chart != null) {
                save(chart, dir.resolve("per_class_" + r.method() + "_" + r.strategy() + "_rda" + onOff(r.rda()) + ".png"));
            }
        }
    }

    private JFreeChart accuracyChart(String method, boolean rda) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (String strategy : plan.strategies()) {
            YIntervalSeries series = new YIntervalSeries(strategy);
            for (int round = 0; round <= plan.rounds(); round++) {
                List<Double> values = new ArrayList<>();
                for (RunOutcome o : outcomes) {
                    ExperimentPlan.Run r = o.run();
                    if (!r.method().equals(method) || !r.strategy().equals(strategy) || r.rda() != rda) continue;
                    if (round < o.rounds().size() && o.rounds().get(round).test() != null) {
                        values.add(100 * o.rounds().get(round).test().accuracy());
                    }
                }
                if (values.isEmpty()) continue;
                double[] ms = Stats.meanStd(values);
                series.add(round, ms[0], ms[0] - ms[1], ms[0] + ms[1]);
            }
            if (series.getItemCount() > 0) data.addSeries(series);
        }
        if (data.getSeriesCount() == 0) return null;
        JFreeChart chart = ChartFactory.createXYLineChart("Test accuracy by round — " + method + ", RDA " + onOff(rda),
                "Round", "Accuracy (%)", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.15f);
        plot.setRenderer(renderer);
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        style(plot);
        return chart;
    }

    private JFreeChart perClassChart(List<RunOutcome> group) {
        Map<Integer, Map<Integer, Double>> means = ExperimentReport.meanPerClass(group);
        if (!means.containsKey(0)) return null;
        int last = means.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<Integer, Double> first = means.get(0);
        List<Integer> order = new ArrayList<>(first.keySet());
        order.sort(Comparator.<Integer>comparingDouble(first::get).thenComparing(Comparator.naturalOrder()));
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries r0 = new XYSeries("Round 0");
        XYSeries rl = new XYSeries("Round " + last);
        for (int i = 0; i < order.size(); i++) {
            r0.add(i, first.get(order.get(i)));
            Double v = means.get(last).get(order.get(i));
            if (v != null) rl.add(i, v);
        }
        data.addSeries(r0);
        if (last > 0) data.addSeries(rl);
        ExperimentPlan.Run r = group.get(0).run();
        JFreeChart chart = ChartFactory.createXYLineChart("Per-class test accuracy — " + r.method() + ", " + r.strategy()
                        + ", RDA " + onOff(r.rda()), "Classes sorted by round-0 accuracy", "Accuracy (%)", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, order.size() <= 60);
        plot.setRenderer(renderer);
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        style(plot);
        return chart;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
    }

    private static void save(JFreeChart chart, Path file) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    private static String onOff(boolean b) {
        return b ? "on" : "off";
    }
}
