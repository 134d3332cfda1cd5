package org.alor.app.charts;

import org.alor.data.ClassInfo;
import org.alor.store.MetricRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;

/** Builds the JFreeChart charts of the Charts view from {@link ChartData} (no JavaFX: exportable headless). */
public final class Charts {
    public static final Color ACCENT = new Color(0x2f6fde);
    public static final Color SECOND = new Color(0xe07b1f);
    public static final Color GRID = new Color(0xdde2ea);
    public static final Font FONT = new Font("SansSerif", Font.PLAIN, 12);

    private Charts() {
    }

    /** Accuracy and macro-F1 (test) vs round; the zero-shot baseline dashed. */
    public static JFreeChart overall(ChartData d) {
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        Color[] palette = {ACCENT, SECOND, new Color(0x2a9d5b), new Color(0x9b4dca)};
        int lastRound = 0;
        int firstRound = Integer.MAX_VALUE;
        int colour = 0;
        for (ChartData.Run run : d.runs()) {
            // each round under its own method and strategy (round 0 may be LP, the rest CT), never the latest choice
            String prefix = d.runs().size() > 1 ? run.name() + " " : "";
            XYSeries acc = new XYSeries(prefix + "accuracy (" + run.describeRounds() + ")");
            XYSeries f1 = new XYSeries(prefix + "macro-F1");
            for (Map.Entry<Integer, MetricRow> e : run.overall().entrySet()) {
                acc.add(e.getKey().doubleValue(), 100 * e.getValue().accuracy());
                if (e.getValue().macroF1() != null) f1.add(e.getKey().doubleValue(), 100 * e.getValue().macroF1());
                lastRound = Math.max(lastRound, e.getKey());
                firstRound = Math.min(firstRound, e.getKey());
            }
            Color c = palette[colour++ % palette.length];
            ds.addSeries(acc);
            r.setSeriesPaint(ds.getSeriesCount() - 1, c);
            r.setSeriesStroke(ds.getSeriesCount() - 1, new BasicStroke(2.5f));
            r.setSeriesItemLabelGenerator(ds.getSeriesCount() - 1,
                    (data, series, item) -> run.roundNames().containsKey((int) data.getXValue(series, item))
                            ? run.roundNames().get((int) data.getXValue(series, item)).method() : null);
            r.setSeriesItemLabelsVisible(ds.getSeriesCount() - 1, true);
            r.setSeriesItemLabelFont(ds.getSeriesCount() - 1, FONT.deriveFont(Font.BOLD, 11f));
            if (f1.getItemCount() > 0) {
                ds.addSeries(f1);
                r.setSeriesPaint(ds.getSeriesCount() - 1, c.darker());
                r.setSeriesStroke(ds.getSeriesCount() - 1, new BasicStroke(1.5f));
            }
        }
        if (d.zeroShot() != null) {
            XYSeries zs = new XYSeries("zero-shot accuracy");
            zs.add(firstRound == Integer.MAX_VALUE ? 0 : Math.min(0, firstRound), 100 * d.zeroShot());
            zs.add(Math.max(1, lastRound), 100 * d.zeroShot());
            ds.addSeries(zs);
            int i = ds.getSeriesCount() - 1;
            r.setSeriesPaint(i, Color.GRAY);
            r.setSeriesShapesVisible(i, false);
            r.setSeriesStroke(i, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 5f}, 0f));
        }
        NumberAxis x = new NumberAxis("Round");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("Test %");
        y.setAutoRangeIncludesZero(false);
        // whole percents, the step chosen for the range (a fixed 5 left a narrow range with a single tick)
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(ds, x, y, r);
        style(plot);
        JFreeChart chart = new JFreeChart("Accuracy and macro-F1 per round", FONT.deriveFont(Font.BOLD, 15f), plot, true);
        return finish(chart);
    }

    /** Per-class test accuracy: classes (rows, sorted by first-round accuracy) × rounds, tail third outlined. */
    public static JFreeChart perClassHeatMap(ChartData d) {
        List<ClassInfo> classes = d.classes();
        List<Integer> rounds = d.rounds();
        int n = classes.size() * rounds.size();
        double[][] xyz = new double[3][n];
        int k = 0;
        for (int ci = 0; ci < classes.size(); ci++) {
            Map<Integer, Double> acc = d.perClass().getOrDefault(classes.get(ci).id(), new java.util.TreeMap<>());
            for (int ri = 0; ri < rounds.size(); ri++) {
                xyz[0][k] = ri;
                xyz[1][k] = ci;
                xyz[2][k] = acc.getOrDefault(rounds.get(ri), Double.NaN);
                k++;
            }
        }
        DefaultXYZDataset ds = new DefaultXYZDataset();
        ds.addSeries("accuracy", xyz);
        String[] roundNames = rounds.stream().map(String::valueOf).toArray(String[]::new); // under the axis title "Round"
        String[] classNames = classes.stream().map(ClassInfo::mostCommonName).toArray(String[]::new);
        SymbolAxis x = new SymbolAxis("Round", roundNames.length == 0 ? new String[]{""} : roundNames);
        SymbolAxis y = new SymbolAxis("Class (sorted by first-round accuracy)", classNames.length == 0 ? new String[]{""} : classNames);
        y.setTickLabelFont(FONT.deriveFont(classNames.length > 40 ? 7f : 10f));
        y.setTickLabelsVisible(classNames.length <= 120);
        x.setGridBandsVisible(false);
        y.setGridBandsVisible(false);
        XYBlockRenderer r = new XYBlockRenderer();
        LookupPaintScale scale = new LookupPaintScale(0, 1.0001, new Color(0xf2f2f2));
        for (int i = 0; i <= 10; i++) scale.add(i / 10.0, heat(i / 10.0));
        r.setPaintScale(scale);
        XYPlot plot = new XYPlot(ds, x, y, r);
        style(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        if (!d.tailClasses().isEmpty() && !rounds.isEmpty()) {
            Rectangle2D box = new Rectangle2D.Double(-0.5, -0.5, rounds.size(), d.tailClasses().size());
            plot.addAnnotation(new XYShapeAnnotation(box, new BasicStroke(2.5f), new Color(0xc62828)));
        }
        JFreeChart chart = new JFreeChart("Per-class accuracy per round (tail third outlined)", FONT.deriveFont(Font.BOLD, 15f), plot, false);
        NumberAxis legendAxis = new NumberAxis("accuracy");
        legendAxis.setRange(0, 1);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setMargin(4, 4, 40, 4);
        legend.setStripWidth(14);
        legend.setFrame(BlockBorder.NONE);
        chart.addSubtitle(legend);
        return finish(chart);
    }

    /** One class: its test accuracy per round (left axis) and its labeled images so far (right axis). */
    public static JFreeChart classDetail(ChartData d, int classId) {
        ClassInfo c = d.classes().stream().filter(x -> x.id() == classId).findFirst().orElseThrow();
        XYSeriesCollection acc = new XYSeriesCollection();
        XYSeries a = new XYSeries("accuracy %");
        d.perClass().getOrDefault(classId, new java.util.TreeMap<>()).forEach((r, v) -> a.add(r.doubleValue(), 100 * v));
        acc.addSeries(a);
        XYSeriesCollection counts = new XYSeriesCollection();
        XYSeries l = new XYSeries("labeled images");
        d.labeledByRound().getOrDefault(classId, new java.util.TreeMap<>()).forEach((r, v) -> l.add(r.doubleValue(), v.doubleValue()));
        counts.addSeries(l);
        NumberAxis x = new NumberAxis("Round");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("Accuracy %");
        y.setRange(0, 100);
        XYLineAndShapeRenderer r1 = new XYLineAndShapeRenderer(true, true);
        r1.setSeriesPaint(0, ACCENT);
        r1.setSeriesStroke(0, new BasicStroke(2.5f));
        XYPlot plot = new XYPlot(acc, x, y, r1);
        NumberAxis y2 = new NumberAxis("Labeled (retrieved: " + d.retrieved().getOrDefault(classId, 0) + ")");
        y2.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setRangeAxis(1, y2);
        plot.setDataset(1, counts);
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer r2 = new XYLineAndShapeRenderer(true, true);
        r2.setSeriesPaint(0, SECOND);
        plot.setRenderer(1, r2);
        style(plot);
        String title = c.mostCommonName().equals(c.name()) ? c.name() : c.mostCommonName() + " (" + c.name() + ")";
        return finish(new JFreeChart(title, FONT.deriveFont(Font.BOLD, 13f), plot, true));
    }

    /** The class of a heat-map cell: rows are {@code d.classes()} in order, one cell per round. */
    static Integer classAtHeatMapItem(ChartData d, int item) {
        if (d.rounds().isEmpty()) return null;
        int row = item / d.rounds().size();
        return row >= 0 && row < d.classes().size() ? d.classes().get(row).id() : null;
    }

    /** White (0) → blue (1). */
    static Color heat(double v) {
        double t = Math.max(0, Math.min(1, v));
        int rr = (int) Math.round(247 + (24 - 247) * t);
        int gg = (int) Math.round(251 + (78 - 251) * t);
        int bb = (int) Math.round(255 + (164 - 255) * t);
        return new Color(rr, gg, bb);
    }

    /**
     * Labeled and retrieved images per class in two panels over the same classes, each on its own linear axis: a few
     * labels (≤ 5) beside hundreds of retrieved images would be invisible on one axis, and a log axis cannot draw the
     * classes with no labels yet, the very ones Tail First Sampling goes for.
     */
    public static JFreeChart counts(ChartData d) {
        DefaultCategoryDataset labeled = new DefaultCategoryDataset();
        DefaultCategoryDataset retrieved = new DefaultCategoryDataset();
        for (ClassInfo c : d.classes()) {
            String key = c.mostCommonName();
            labeled.addValue(d.labeled().getOrDefault(c.id(), 0), "labeled by you", key);
            retrieved.addValue(d.retrieved().getOrDefault(c.id(), 0), "retrieved", key);
        }
        CategoryAxis x = new CategoryAxis("Class");
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        x.setTickLabelFont(FONT.deriveFont(d.classes().size() > 40 ? 7f : 10f));
        x.setTickLabelsVisible(d.classes().size() <= 120);
        org.jfree.chart.plot.CombinedDomainCategoryPlot plot = new org.jfree.chart.plot.CombinedDomainCategoryPlot(x);
        plot.setGap(14);
        plot.add(countsPanel(labeled, "Labeled", ACCENT), 1);
        plot.add(countsPanel(retrieved, "Retrieved", new Color(0x7fb0ee)), 1);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = new JFreeChart("Labeled and retrieved images per class (each on its own axis)",
                FONT.deriveFont(Font.BOLD, 15f), plot, true);
        return finish(chart);
    }

    private static CategoryPlot countsPanel(DefaultCategoryDataset ds, String axis, Color colour) {
        NumberAxis y = new NumberAxis(axis);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setRangeType(org.jfree.data.RangeType.POSITIVE);
        y.setAutoRangeMinimumSize(4); // no labels yet: an axis 0–4, not a lone "0"
        org.jfree.chart.renderer.category.BarRenderer r = new org.jfree.chart.renderer.category.BarRenderer();
        r.setSeriesPaint(0, colour);
        r.setShadowVisible(false);
        r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        CategoryPlot plot = new CategoryPlot(ds, null, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        return plot;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
    }

    private static JFreeChart finish(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
            chart.getLegend().setItemFont(FONT);
        }
        return org.alor.app.common.ChartTheme.active().apply(chart);
    }
}
