package org.alor.app.charts;

import org.alor.app.shell.AppServices;
import org.alor.app.TestPrefs;
import org.alor.app.common.BackgroundJobs;
import org.alor.app.shell.ShellViewModel;

import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.alor.data.ClassInfo;
import org.alor.data.Split;
import org.alor.store.MetricRow;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Charts view over a store with two rounds of metrics. */
@ExtendWith(ApplicationExtension.class)
class ChartsFxTest {
    private ProjectStore store;
    private Path dir;
    private ChartsViewModel vm;
    private final BackgroundJobs jobs = new BackgroundJobs();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("alor-charts");
        store = ProjectStore.create(dir);
        store.classTable().replace(List.of(ClassInfo.named(0, "Sialia sialis"), ClassInfo.named(1, "Turdus migratorius"),
                ClassInfo.named(2, "Setophaga petechia")));
        for (int r = 0; r < 2; r++) {
            store.roundTable().insert(RoundRecord.planned(r, r == 0 ? "lp" : "ct", "tfs", 0, 3));
            store.roundTable().saveMetrics(r, List.of(
                    MetricRow.overall(Split.TEST, 0.4 + 0.2 * r, 0.35 + 0.2 * r, 30, 12 + 6 * r),
                    MetricRow.perClass(Split.TEST, 0, 10, 8 + r),
                    MetricRow.perClass(Split.TEST, 1, 10, 2 + 4 * r),
                    MetricRow.perClass(Split.TEST, 2, 10, 2 + r)));
        }
        ShellViewModel shell = new ShellViewModel(jobs, AppServices.none(), TestPrefs.fresh());
        vm = new ChartsViewModel(store);
        ChartsView view = new ChartsView(vm, shell);
        stage.setScene(new Scene(view.root(), 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        jobs.shutdown();
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Test
    void rendersTheThreeChartsFromTheStore(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.dataProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup(".tab-pane").query();
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("Overall", "Per class", "Counts", "Confused classes");
        ChartViewer overall = robot.lookup("#chart-overall").query();
        assertThat(overall.getChart().getXYPlot().getDataset().getSeriesCount()).isEqualTo(2);
        assertThat(overall.getChart().getXYPlot().getDataset().getYValue(0, 1)).isEqualTo(60.0, org.assertj.core.data.Offset.offset(1e-9));

        ChartData d = vm.dataProperty().get();
        assertThat(d.rounds()).containsExactly(0, 1);
        // sorted by round-0 accuracy: class 1 (0.2) and 2 (0.2) before class 0 (0.8); the tail third is one class
        assertThat(d.classes()).extracting(ClassInfo::id).containsExactly(1, 2, 0);
        assertThat(d.tailClasses()).containsExactly(1);
        assertThat(ChartCsv.perClass(d)).contains("1,Turdus migratorius,true,1,0.600000");
        // issue 17 item 11: each round under its own method and strategy (round 0 was LP), not the last round's
        assertThat(ChartCsv.overall(d)).startsWith("run,round,method,strategy,accuracy,macro_f1,support,correct\n")
                .contains("\nthis project,0,LP,TFS,0.400000,0.350000,30,12\n").contains("\nthis project,1,CT,TFS,0.600000,");
        assertThat(overall.getChart().getXYPlot().getDataset().getSeriesKey(0).toString())
                .contains("round 0 LP + TFS").contains("round 1 CT + TFS");

        assertThat(Charts.classAtHeatMapItem(d, 0)).isEqualTo(1);
        assertThat(Charts.classAtHeatMapItem(d, 5)).isEqualTo(0);
        org.jfree.chart.plot.XYPlot detail = Charts.classDetail(d, 1).getXYPlot();
        assertThat(detail.getDataset(0).getYValue(0, 1)).isEqualTo(60.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(detail.getDataset(1).getYValue(0, 1)).isZero();
        assertThat(robot.lookup("#class-detail").tryQuery()).isPresent();

        Path png = dir.resolve("overall.png");
        ChartsViewModel.exportPng(ChartsViewModel.Kind.PER_CLASS, d, png, 800, 500);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(800);
        Path csv = dir.resolve("counts.csv");
        ChartsViewModel.exportCsv(ChartsViewModel.Kind.COUNTS, d, csv);
        assertThat(Files.readAllLines(csv)).first().isEqualTo("class_id,class,labeled,retrieved");
        assertThat(robot.lookup("#export-svg").tryQuery()).isPresent();
    }

    @Test
    void fewLabelsStayVisibleBesideHundredsOfRetrievedImages() throws Exception {
        // issue 17 item 12: labeled (<= 5) and retrieved (<= 500) in two panels, each on its own linear axis
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.dataProperty().get() != null);
        ChartData d = vm.dataProperty().get();
        ChartData many = new ChartData(d.runs(), d.zeroShot(), d.classes(), d.rounds(), d.perClass(), d.tailClasses(),
                java.util.Map.of(0, 5, 1, 1, 2, 0), java.util.Map.of(0, 500, 1, 120, 2, 3), d.labeledByRound());
        org.jfree.chart.plot.Plot plot = Charts.counts(many).getPlot();
        assertThat(plot).isInstanceOf(org.jfree.chart.plot.CombinedDomainCategoryPlot.class);
        List<org.jfree.chart.plot.CategoryPlot> panels = ((org.jfree.chart.plot.CombinedDomainCategoryPlot) plot).getSubplots();
        assertThat(panels).hasSize(2);
        assertThat(panels.get(0).getRangeAxis().getLabel()).containsIgnoringCase("labeled");
        assertThat(panels.get(0).getRangeAxis().getUpperBound()).as("5 labels fill most of their panel").isBetween(5.0, 8.0);
        assertThat(panels.get(1).getRangeAxis().getLabel()).containsIgnoringCase("retrieved");
        assertThat(panels.get(1).getRangeAxis().getUpperBound()).isGreaterThanOrEqualTo(500.0);
    }

    @Test
    void everyChartExportsAsAValidSvgDocument() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.dataProperty().get() != null);
        ChartData d = vm.dataProperty().get();
        for (ChartsViewModel.Kind k : ChartsViewModel.Kind.values()) {
            Path svg = dir.resolve(k.name().toLowerCase(java.util.Locale.ROOT) + ".svg");
            ChartsViewModel.exportSvg(k, d, svg, 800, 500);
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline: the SVG 1.1 DOCTYPE is not fetched
            org.w3c.dom.Element root = f.newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
            assertThat(root.getLocalName()).as(k + " root element").isEqualTo("svg");
            assertThat(root.getAttribute("width")).isEqualTo("800");
            assertThat(Files.readString(svg)).as(k + " draws text").contains("<text");
        }
    }
}
