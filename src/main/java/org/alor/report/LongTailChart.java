package org.alor.report;

import org.alor.retrieval.ClassStats;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The class-frequency (long-tail) report: classes sorted by kept count, and its PNG bar chart (headless). */
public final class LongTailChart {
    private LongTailChart() {
    }

    /** One bar: a class and its number of kept retrieved images. */
    public record Bar(int classId, String label, int kept, int matched) {
    }

    /** Classes by kept count, largest first (ties: lower class id). */
    public static List<Bar> bars(List<ClassStats> stats, Map<Integer, Integer> kept) {
        List<Bar> out = new ArrayList<>();
        for (ClassStats s : stats) out.add(new Bar(s.classId(), s.mostCommonName(), kept.getOrDefault(s.classId(), 0), s.actualFreq()));
        out.sort(Comparator.comparingInt(Bar::kept).reversed().thenComparingInt(Bar::classId));
        return out;
    }

    public static void savePng(List<Bar> bars, int cap, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Bar b : bars) data.addValue(b.kept(), "kept", b.classId() + " " + b.label());
        JFreeChart chart = ChartFactory.createBarChart(
                "Retrieved images per class (cap " + cap + ")", "class (sorted by count)", "retrieved images",
                data, PlotOrientation.VERTICAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setRange(0, Math.max(1, bars.stream().mapToInt(Bar::kept).max().orElse(0)) * 1.05);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new Color(0x2E6FB7));
        r.setItemMargin(0);
        CategoryAxis x = plot.getDomainAxis();
        x.setCategoryMargin(0.15);
        boolean labels = bars.size() <= 60;
        x.setTickLabelsVisible(labels);
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        x.setMaximumCategoryLabelWidthRatio(0.6f);
        int width = Math.max(800, Math.min(2400, 60 + bars.size() * (labels ? 26 : 4)));
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, labels ? 640 : 480);
    }
}
