package org.alor.app.common;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 items 15 and 16: charts follow the dark theme, and demo mode enlarges their text. */
class ChartThemeTest {
    private static JFreeChart chart() {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        ds.addValue(3, "kept", "a");
        CategoryPlot plot = new CategoryPlot(ds, new CategoryAxis("Classes"), new NumberAxis("Kept"), new BarRenderer());
        JFreeChart c = new JFreeChart("Title", new Font("SansSerif", Font.BOLD, 14), plot, true);
        c.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        return c;
    }

    @Test
    void theSettingsDecideTheChartTheme() {
        assertThat(ChartTheme.of(AppPreferences.Theme.DARK, false).dark()).isTrue();
        assertThat(ChartTheme.of(AppPreferences.Theme.LIGHT, false).dark()).isFalse();
        // demo mode keeps the theme: black on white over the light one, white on black over the dark one; larger text
        assertThat(ChartTheme.of(AppPreferences.Theme.DARK, true).dark()).as("demo mode over the dark theme is white on black, its charts too").isTrue();
        assertThat(ChartTheme.of(AppPreferences.Theme.DARK, true).fontScale()).isGreaterThan(1.3);
    }

    @Test
    void darkPaintsBackgroundsDarkAndTextLight() {
        JFreeChart c = ChartTheme.of(AppPreferences.Theme.DARK, false).apply(chart());
        assertThat(((Color) c.getBackgroundPaint()).getRed()).isLessThan(60);
        assertThat(((Color) c.getPlot().getBackgroundPaint()).getRed()).isLessThan(60);
        assertThat(((Color) c.getTitle().getPaint()).getRed()).isGreaterThan(200);
        assertThat(((Color) c.getCategoryPlot().getDomainAxis().getLabelPaint()).getRed()).isGreaterThan(200);
        assertThat(((Color) c.getLegend().getItemPaint()).getRed()).isGreaterThan(200);
        assertThat(((Color) c.getLegend().getBackgroundPaint()).getRed()).isLessThan(60);
        assertThat(((Color) ((org.jfree.chart.renderer.AbstractRenderer) c.getCategoryPlot().getRenderer())
                .getDefaultItemLabelPaint()).getRed()).as("point labels").isGreaterThan(200);
    }

    @Test
    void demoModeEnlargesTheText() {
        JFreeChart plain = ChartTheme.of(AppPreferences.Theme.LIGHT, false).apply(chart());
        JFreeChart demo = ChartTheme.of(AppPreferences.Theme.LIGHT, true).apply(chart());
        assertThat(demo.getTitle().getFont().getSize2D()).isGreaterThan(plain.getTitle().getFont().getSize2D() * 1.3f);
        assertThat(demo.getCategoryPlot().getRangeAxis().getTickLabelFont().getSize2D())
                .isGreaterThan(plain.getCategoryPlot().getRangeAxis().getTickLabelFont().getSize2D() * 1.3f);
        assertThat(((Color) demo.getBackgroundPaint())).isEqualTo(Color.WHITE);
    }
}
