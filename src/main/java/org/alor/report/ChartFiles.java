package org.alor.report;

import org.alor.data.AtomicFiles;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

/** The look shared by the report's line charts and how they are written (PNG, headless). */
final class ChartFiles {
    static final int WIDTH = 900;
    static final int HEIGHT = 560;

    private ChartFiles() {
    }

    /** Charts are drawn off screen; set before the first AWT class loads when nobody chose otherwise. */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
    }

    /** Atomic, so a reader (or a second collect of a running grid) never sees half a picture. */
    static void savePng(JFreeChart chart, Path file) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        AtomicFiles.writeBytes(file, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }
}
