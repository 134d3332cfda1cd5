package org.alor.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Test accuracy by round, one line per strategy (mean over seeds) with a band of ± one standard deviation. */
public final class AccuracyChart {
    private AccuracyChart() {
    }

    /**
     * One line of the chart.
     *
     * @param meanStdByRound round → {mean, std} of the accuracy in percent; rounds without a value are left out
     */
    public record Line(String name, SortedMap<Integer, double[]> meanStdByRound) {
    }

    /** Writes the chart; returns false (and writes nothing) when no line has a value. */
    public static boolean savePng(String title, List<Line> lines, Path file) throws IOException {
        ChartFiles.headless();
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Line line : lines) {
            YIntervalSeries series = new YIntervalSeries(line.name());
            for (Map.Entry<Integer, double[]> e : line.meanStdByRound().entrySet()) {
                double mean = e.getValue()[0];
                double std = e.getValue()[1];
                series.add(e.getKey(), mean, mean - std, mean + std);
            }
            if (series.getItemCount() > 0) data.addSeries(series);
        }
        if (data.getSeriesCount() == 0) return false;
        JFreeChart chart = ChartFactory.createXYLineChart(title, "Round", "Accuracy (%)", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.15f);
        plot.setRenderer(renderer);
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        ChartFiles.style(plot);
        ChartFiles.savePng(chart, file);
        return true;
    }
}
