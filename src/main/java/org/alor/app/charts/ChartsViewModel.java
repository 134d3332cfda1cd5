package org.alor.app.charts;

import org.alor.app.common.BackgroundJobs;
import org.alor.app.common.TaskJob;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import org.alor.store.ProjectStore;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Charts view's state: the data read from the store and the exports of each chart. */
public final class ChartsViewModel {
    /** The tabs of the Charts view. */
    public enum Kind {
        OVERALL("Overall"), PER_CLASS("Per class"), COUNTS("Counts");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final ProjectStore store;
    private final ObjectProperty<ChartData> data = new SimpleObjectProperty<>();

    public ChartsViewModel(ProjectStore store) {
        this.store = store;
    }

    /** Reads the data in the background; {@link #dataProperty()} changes when it is done. */
    public Task<ChartData> load(BackgroundJobs jobs) {
        Task<ChartData> t = new TaskJob<>("Reading metrics", p -> ChartData.load(store));
        t.setOnSucceeded(e -> data.set(t.getValue()));
        return jobs.submit(t);
    }

    ProjectStore store() {
        return store;
    }

    public ObjectProperty<ChartData> dataProperty() {
        return data;
    }

    public static JFreeChart chart(Kind kind, ChartData d) {
        return switch (kind) {
            case OVERALL -> Charts.overall(d);
            case PER_CLASS -> Charts.perClassHeatMap(d);
            case COUNTS -> Charts.counts(d);
        };
    }

    public static String csv(Kind kind, ChartData d) {
        return switch (kind) {
            case OVERALL -> ChartCsv.overall(d);
            case PER_CLASS -> ChartCsv.perClass(d);
            case COUNTS -> ChartCsv.counts(d);
        };
    }

    public static void exportPng(Kind kind, ChartData d, Path file, int width, int height) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart(kind, d), width, height);
    }

    /** The chart as a standalone SVG document (JFreeSVG draws the JFreeChart through its Graphics2D). */
    public static String svg(Kind kind, ChartData d, int width, int height) {
        org.jfree.graphics2d.svg.SVGGraphics2D g2 = new org.jfree.graphics2d.svg.SVGGraphics2D(width, height);
        chart(kind, d).draw(g2, new java.awt.Rectangle(0, 0, width, height));
        return g2.getSVGDocument();
    }

    public static void exportSvg(Kind kind, ChartData d, Path file, int width, int height) throws IOException {
        Files.writeString(file, svg(kind, d, width, height), StandardCharsets.UTF_8);
    }

    public static void exportCsv(Kind kind, ChartData d, Path file) throws IOException {
        Files.writeString(file, csv(kind, d), StandardCharsets.UTF_8);
    }
}
