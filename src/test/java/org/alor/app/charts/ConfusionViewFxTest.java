package org.alor.app.charts;

import org.alor.app.SyntheticBirds;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.common.BackgroundJobs;
import org.alor.app.shell.AppServices;
import org.alor.app.shell.ShellView;
import org.alor.app.shell.ShellViewModel;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.alor.data.Split;
import org.alor.store.MetricRow;
import org.alor.store.Prediction;
import org.alor.store.ProjectStore;
import org.alor.store.StoredSample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 item 11: a round whose accuracy fell names the classes that lost most and links to the confused class pairs
 * of its val predictions; a pair shows its val images.
 */
@ExtendWith(ApplicationExtension.class)
class ConfusionViewFxTest {
    private static final int TREE_SWALLOW = 3;
    private static final int VIOLET_GREEN_SWALLOW = 4;
    private final BackgroundJobs jobs = new BackgroundJobs();
    private final AppPreferences prefs = TestPrefs.fresh();
    private ProjectStore store;
    private ChartsViewModel vm;
    private int swallowsInVal;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = SyntheticBirds.project(Files.createTempDirectory("alor-confusion"), 20, 3);
        store = ProjectStore.open(dir);
        int classes = store.classTable().all().size();
        // round 2 fell: 50 % -> 40 %, Tree Swallow lost most (0.45 -> 0.05), its val images taken for Violet-green Swallows
        List<MetricRow> rows = new ArrayList<>(List.of(MetricRow.overall(Split.TEST, 0.40, 0.38, 100, 40)));
        double[] acc = {0.72, 0.45, 0.70, 0.05, 0.30, 0.50};
        for (int c = 0; c < classes; c++) rows.add(MetricRow.perClass(Split.TEST, c, 20, (int) Math.round(20 * acc[c % 6])));
        store.roundTable().saveMetrics(2, rows);
        List<Prediction> val = new ArrayList<>();
        for (StoredSample s : store.sampleTable().bySplit(Split.VAL)) {
            int truth = s.trueLabel();
            int predicted = truth == TREE_SWALLOW ? VIOLET_GREEN_SWALLOW : truth;
            if (truth == TREE_SWALLOW) swallowsInVal++;
            val.add(new Prediction(s.id(), Split.VAL, predicted, 0.6f, 0.9f, new int[]{predicted}, new float[]{0.6f}));
        }
        store.predictionTable().replace(2, val);
        ShellViewModel shell = new ShellViewModel(jobs, AppServices.none(), prefs);
        vm = new ChartsViewModel(store);
        ChartsView view = new ChartsView(vm, shell);
        Scene scene = new Scene(view.root(), 1280, 800);
        scene.getStylesheets().add(ShellView.LIGHT_CSS);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        jobs.shutdown();
        store.close();
        TestPrefs.release(prefs);
    }

    @Test
    void aFallInAccuracyLeadsToTheConfusedPairsAndTheirImages(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#accuracy-drop").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(swallowsInVal).isPositive();
        String drop = robot.lookup("#accuracy-drop").queryLabeled().getText();
        String treeSwallow = store.classTable().all().get(TREE_SWALLOW).mostCommonName();
        String violetGreen = store.classTable().all().get(VIOLET_GREEN_SWALLOW).mostCommonName();
        assertThat(treeSwallow).isEqualTo("Tree Swallow");
        assertThat(drop).contains("Round 2").contains("50.0").contains("40.0").contains(treeSwallow);
        assertThat(drop.indexOf(treeSwallow)).as("the class that lost most comes first")
                .isLessThan(drop.indexOf(violetGreen) < 0 ? Integer.MAX_VALUE : drop.indexOf(violetGreen));

        Hyperlink link = robot.lookup("#show-confusion").query();
        robot.clickOn(link);
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup(".tab-pane").query();
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Confused classes");
        ComboBox<?> round = robot.lookup("#confusion-round").queryComboBox();
        assertThat(round.getValue()).isEqualTo(2);
        TableView<?> pairs = robot.lookup("#confusion-pairs").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !pairs.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pairs.getItems()).hasSize(1);
        robot.clickOn(robot.lookup("#confusion-pairs .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        String row = robot.lookup("#confusion-pairs .table-row-cell").nth(0).lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class)
                .stream().map(c -> String.valueOf(c.getText())).reduce("", (a, b) -> a + "|" + b);
        assertThat(row).contains(treeSwallow).contains(violetGreen).contains("100 %");
        Pane images = robot.lookup("#confusion-images").query();
        assertThat(images.getChildren()).hasSize(swallowsInVal);

        Path out = Path.of(System.getProperty("alor.testClasspathDir", "target"), "screenshots");
        Files.createDirectories(out);
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> img[0] = robot.lookup("#charts-view").query().getScene().getRoot().snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", out.resolve("confusion.png").toFile());
    }
}
