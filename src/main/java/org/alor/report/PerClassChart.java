package org.alor.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Per-class accuracy of round 0 and of the last round, classes sorted by their round-0 accuracy (as the paper's
 * tail-class figure): how much a run lifted the classes that started worst.
 */
public final class PerClassChart {
    private PerClassChart() {
    }

    /**
     * @param roundZero class → accuracy (percent) in round 0
     * @param last      the last round's index; 0 draws round 0 only
     * @param lastRound class → accuracy (percent) in that round (classes may be missing)
     */
    public static void savePng(String title, Map<Integer, Double> roundZero, int last, Map<Integer, Double> lastRound,
                               Path file) throws IOException {
        ChartFiles.headless();
        List<Integer> order = new ArrayList<>(roundZero.keySet());
        order.sort(Comparator.<Integer>comparingDouble(roundZero::get).thenComparing(Comparator.naturalOrder()));
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries first = new XYSeries("Round 0");
        XYSeries end = new XYSeries("Round " + last);
        for (int i = 0; i < order.size(); i++) {
            first.add(i, roundZero.get(order.get(i)));
            Double v = lastRound.get(order.get(i));
            if (v != null) end.add(i, v);
        }
        data.addSeries(first);
        if (last > 0) data.addSeries(end);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "Classes sorted by round-0 accuracy", "Accuracy (%)", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new XYLineAndShapeRenderer(true, order.size() <= 60));
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ChartFiles.style(plot);
        ChartFiles.savePng(chart, file);
    }
}
