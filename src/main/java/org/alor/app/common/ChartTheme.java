package org.alor.app.common;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;

import java.awt.Color;
import java.awt.Font;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The app's theme for JFreeChart charts, which CSS does not reach: dark backgrounds with light text under the dark
 * theme (demo mode too: it is white on black over the dark theme), and larger text in demo mode. The shell sets the
 * {@link #active()} theme whenever the theme or demo mode changes; chart builders pass their charts through it.
 */
public record ChartTheme(boolean dark, double fontScale) {
    public static final ChartTheme LIGHT = new ChartTheme(false, 1);
    private static final Color DARK_BACKGROUND = new Color(0x24282f);
    private static final Color DARK_PLOT = new Color(0x1b1e23);
    private static final Color DARK_TEXT = new Color(0xe8eaed);
    private static final Color DARK_GRID = new Color(0x3a3f48);
    private static volatile ChartTheme active = LIGHT;

    public static ChartTheme of(AppPreferences.Theme theme, boolean demoMode) {
        return new ChartTheme(theme == AppPreferences.Theme.DARK, demoMode ? 1.5 : 1);
    }

    public static ChartTheme active() {
        return active;
    }

    public static void use(ChartTheme theme) {
        active = theme;
    }

    /** Restyles a freshly built chart (once: fonts are scaled from what the builder chose) and returns it. */
    public JFreeChart apply(JFreeChart chart) {
        if (dark) chart.setBackgroundPaint(DARK_BACKGROUND);
        if (chart.getTitle() != null) text(chart.getTitle());
        for (Object t : chart.getSubtitles()) title((Title) t);
        plot(chart.getPlot());
        return chart;
    }

    private void title(Title t) {
        if (t instanceof TextTitle text) {
            text(text);
        } else if (t instanceof LegendTitle legend) {
            if (dark) {
                legend.setBackgroundPaint(DARK_BACKGROUND);
                legend.setItemPaint(DARK_TEXT);
            }
            legend.setItemFont(scaled(legend.getItemFont()));
        } else if (t instanceof PaintScaleLegend scale) {
            if (dark) scale.setBackgroundPaint(DARK_BACKGROUND);
            axis(scale.getAxis());
        }
    }

    private void text(TextTitle t) {
        if (dark) t.setPaint(DARK_TEXT);
        t.setFont(scaled(t.getFont()));
    }

    private void plot(Plot plot) {
        if (plot == null) return;
        if (dark) plot.setBackgroundPaint(DARK_PLOT);
        if (plot instanceof CombinedDomainCategoryPlot combined) {
            for (Object p : combined.getSubplots()) plot((Plot) p);
        }
        if (plot instanceof CombinedDomainXYPlot combined) {
            for (Object p : combined.getSubplots()) plot((Plot) p);
        }
        if (plot instanceof CategoryPlot p) {
            for (int i = 0; i < p.getDomainAxisCount(); i++) axis(p.getDomainAxis(i));
            for (int i = 0; i < p.getRangeAxisCount(); i++) axis(p.getRangeAxis(i));
            if (dark) {
                p.setRangeGridlinePaint(DARK_GRID);
                p.setDomainGridlinePaint(DARK_GRID);
            }
            markers(p::getRangeMarkers);
            markers(p::getDomainMarkers);
            for (int i = 0; i < p.getRendererCount(); i++) itemLabels(p.getRenderer(i));
        } else if (plot instanceof XYPlot p) {
            for (int i = 0; i < p.getDomainAxisCount(); i++) axis(p.getDomainAxis(i));
            for (int i = 0; i < p.getRangeAxisCount(); i++) axis(p.getRangeAxis(i));
            if (dark) {
                p.setRangeGridlinePaint(DARK_GRID);
                p.setDomainGridlinePaint(DARK_GRID);
            }
            markers(p::getRangeMarkers);
            markers(p::getDomainMarkers);
            for (int i = 0; i < p.getRendererCount(); i++) itemLabels(p.getRenderer(i));
        }
    }

    /** Point labels (e.g. a round's method over its point) in the theme's text colour. */
    private void itemLabels(Object renderer) {
        if (dark && renderer instanceof org.jfree.chart.renderer.AbstractRenderer r) r.setDefaultItemLabelPaint(DARK_TEXT);
    }

    private void markers(Function<Layer, Collection<?>> byLayer) {
        for (Layer layer : List.of(Layer.FOREGROUND, Layer.BACKGROUND)) {
            Collection<?> markers = byLayer.apply(layer);
            if (markers == null) continue;
            for (Object o : markers) {
                Marker m = (Marker) o;
                if (dark) m.setLabelPaint(DARK_TEXT);
                m.setLabelFont(scaled(m.getLabelFont()));
            }
        }
    }

    private void axis(Axis a) {
        if (a == null) return;
        if (dark) {
            a.setLabelPaint(DARK_TEXT);
            a.setTickLabelPaint(DARK_TEXT);
            a.setAxisLinePaint(DARK_GRID);
            a.setTickMarkPaint(DARK_GRID);
        }
        a.setLabelFont(scaled(a.getLabelFont()));
        a.setTickLabelFont(scaled(a.getTickLabelFont()));
    }

    private Font scaled(Font f) {
        return f == null || fontScale == 1 ? f : f.deriveFont((float) (f.getSize2D() * fontScale));
    }
}
