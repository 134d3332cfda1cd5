package org.alor.app.charts;

import org.alor.app.shell.AppServices;
import org.alor.app.SyntheticBirds;
import org.alor.app.TestPrefs;
import org.alor.app.common.BackgroundJobs;
import org.alor.app.shell.ShellViewModel;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.alor.data.ClassInfo;
import org.alor.data.DatasetFormat;
import org.alor.data.DatasetImport;
import org.alor.data.DatasetImports;
import org.alor.data.ImportRequest;
import org.alor.loop.FeatureSource;
import org.alor.loop.OracleLabeler;
import org.alor.loop.RoundEngine;
import org.alor.loop.Method;
import org.alor.loop.RoundSpec;
import org.alor.loop.TextEncoder;
import org.alor.store.ProjectCreator;
import org.alor.store.ProjectStore;
import org.alor.store.RoundStatus;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Charts page drawn from what a finished two-round oracle run of the real engine stored. */
@ExtendWith(ApplicationExtension.class)
class ChartsFromOracleRunFxTest {
    private static final int DIM = 16;
    private ProjectStore store;
    private ChartsViewModel vm;
    private final BackgroundJobs jobs = new BackgroundJobs();

    @Start
    void start(Stage stage) throws Exception {
        Path base = Files.createTempDirectory("alor-oracle-charts");
        Path data = SyntheticBirds.writeImageFolder(base.resolve("dataset"), 10, 5);
        DatasetImport imported = DatasetImports.run(ImportRequest.of(data).withFormat(DatasetFormat.IMAGE_FOLDER));
        Path dir = base.resolve("project");
        ProjectCreator.create(new ProjectCreator.Spec(dir, imported, imported.classes(), null, null, null, 0.2, 0.3, 1));
        store = ProjectStore.open(dir);
        RoundEngine engine = new RoundEngine(store, RoundSpec.builder(Method.LP, "tfs").optEpochs(5).optSeed(1).build(),
                clusterFeatures(store), classPrompts(store.classTable().all()), new OracleLabeler());
        engine.runThrough(1);

        vm = new ChartsViewModel(store);
        ChartsView view = new ChartsView(vm, new ShellViewModel(jobs, AppServices.none(), TestPrefs.fresh()));
        stage.setScene(new Scene(view.root(), 1000, 700));
        stage.show();
    }

    /** Image features: a noisy one-hot of the true class, so the probe has something real to learn. */
    private static FeatureSource clusterFeatures(ProjectStore store) {
        return ids -> {
            float[][] out = new float[ids.size()][];
            for (int i = 0; i < ids.size(); i++) {
                long id = ids.get(i);
                int label = store.sampleTable().byId(id).orElseThrow().trueLabel();
                Random noise = new Random(id);
                float[] f = new float[DIM];
                for (int d = 0; d < DIM; d++) f[d] = (float) (0.6 * noise.nextGaussian());
                f[label % DIM] += 1f;
                out[i] = f;
            }
            return out;
        };
    }

    /** Prompt embeddings: the one-hot of the class the prompt names, blurred towards class 0. */
    private static TextEncoder classPrompts(List<ClassInfo> classes) {
        return prompts -> prompts.stream().map(p -> {
            float[] e = new float[DIM];
            e[0] = 0.5f;
            for (ClassInfo c : classes) if (p.contains(c.name())) e[c.id() % DIM] += 1f;
            return e;
        }).toArray(float[][]::new);
    }

    @AfterEach
    void close() {
        store.close();
        jobs.shutdown();
    }

    @Test
    void chartsShowBothRoundsOfTheRun(FxRobot robot) throws Exception {
        assertThat(store.roundTable().all()).extracting(r -> r.status()).containsOnly(RoundStatus.DONE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.dataProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        ChartData d = vm.dataProperty().get();
        assertThat(d.rounds()).containsExactly(0, 1);
        assertThat(d.classes()).hasSize(store.classTable().all().size());
        ChartViewer overall = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class)
                .getTabs().get(0).getContent() instanceof ChartViewer v ? v : null;
        assertThat(overall).isNotNull();
        var dataset = overall.getChart().getXYPlot().getDataset();
        assertThat(dataset.getItemCount(0)).isEqualTo(2);
        double stored = store.roundTable().overallMetrics(org.alor.data.Split.TEST).get(1).accuracy();
        assertThat(dataset.getYValue(0, 1)).isEqualTo(100 * stored, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ChartCsv.perClass(d).lines().count()).isEqualTo(1 + 2L * store.classTable().all().size());
    }
}
