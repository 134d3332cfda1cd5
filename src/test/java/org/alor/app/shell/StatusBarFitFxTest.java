package org.alor.app.shell;

import org.alor.app.ShellOnStage;
import org.alor.app.SyntheticBirds;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;

import javafx.concurrent.Task;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 8: at 1280×800 in demo mode no status-bar item is cut to "C…" or "Memor…"; one is left out instead. */
@ExtendWith(ApplicationExtension.class)
class StatusBarFitFxTest {
    private ShellOnStage shell;
    private final AppPreferences prefs = TestPrefs.fresh();
    private Path project;
    private final CountDownLatch finish = new CountDownLatch(1);

    @Start
    void start(Stage stage) throws Exception {
        prefs.setDemoMode(true);
        project = SyntheticBirds.project(Files.createTempDirectory("alor-statusbar"), 4, 3);
        shell = new ShellOnStage(stage, AppServices.none(), prefs, 1280, 800);
    }

    @AfterEach
    void tearDown() {
        finish.countDown();
        shell.close();
    }

    @Test
    void aTrainingStatusInDemoModeTruncatesNothing(FxRobot robot) throws Exception {
        ShellViewModel model = shell.model();
        robot.interact(() -> model.openProject(project));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.projectProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingTruncated(robot, "idle");

        Task<Void> training = new Task<>() {
            @Override
            protected Void call() throws Exception {
                updateTitle("Round");
                updateMessage("training: epoch 3/10 step 12/40: loss 0.1234, 280.0 images/s, ETA 43 min");
                updateProgress(0.25, 1);
                finish.await();
                return null;
            }
        };
        robot.interact(() -> model.runJob(training));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#job-title").queryLabeled().getText().contains("ETA"));
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingTruncated(robot, "training");
        assertThat(robot.lookup("#job-title").queryLabeled().isVisible()).isTrue();
    }

    private static void assertNothingTruncated(FxRobot robot, String when) {
        Region bar = robot.lookup(".status-bar").query();
        Bounds barBounds = bar.localToScene(bar.getLayoutBounds());
        List<String> cut = new ArrayList<>();
        for (Node n : robot.from(bar).lookup((Node x) -> x instanceof Labeled).queryAll()) {
            Labeled l = (Labeled) n;
            if (!visible(l) || l.getText() == null || l.getText().isEmpty()) continue;
            Text shown = (Text) l.lookup(".text");
            if (shown == null || !shown.getText().equals(l.getText())) cut.add("'" + l.getText() + "' shows as '" + (shown == null ? null : shown.getText()) + "'");
            Bounds b = l.localToScene(l.getLayoutBounds());
            if (b.getMaxX() > barBounds.getMaxX() + 0.5) cut.add("'" + l.getText() + "' runs past the window's edge");
        }
        assertThat(cut).as(when).isEmpty();
    }

    private static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }
}
