package org.alor.app.label;

import org.alor.app.SyntheticBirds;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.alor.store.ProjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 item 3: "Round complete" only when every pick has a decision (not when the last unsure one is resolved),
 * no empty image panel then, and a "Start round N+1" action.
 */
@ExtendWith(ApplicationExtension.class)
class RoundCompleteFxTest {
    private ProjectStore store;
    private LabelingViewModel vm;
    private final AtomicInteger nextRoundAsked = new AtomicInteger();

    @Start
    void start(Stage stage) throws Exception {
        Path dir = SyntheticBirds.project(Files.createTempDirectory("alor-complete"), 6, 4);
        store = ProjectStore.open(dir);
        LabelingSession session = LabelingSession.load(store, 2, SyntheticBirds.truthFirst());
        vm = new LabelingViewModel(store, session, "tester", Runnable::run, e -> { });
        LabelingPane pane = new LabelingPane(vm, null, nextRoundAsked::incrementAndGet);
        LabelScreen.showOnStage(stage, pane);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private boolean shown(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    @Test
    void resolvingTheOnlyUnsureImageMidRoundIsNotCompletionAndTheEndOffersTheNextRound(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.U);   // pick 0 unsure
        robot.type(KeyCode.DIGIT1);               // pick 1 labeled
        robot.clickOn("#review-toggle");
        robot.type(KeyCode.DIGIT1);               // the unsure one, resolved in review
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot, "#round-done")).isFalse();
        assertThat(robot.lookup("#review-toggle").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isFalse();
        assertThat(shown(robot, "#current-image")).as("the next open pick is shown").isTrue();
        assertThat(vm.currentItemProperty().get()).isEqualTo(vm.session().items().get(2));

        robot.type(KeyCode.DIGIT1);
        robot.type(KeyCode.DIGIT1);               // 4 / 4
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot, "#round-done")).isTrue();
        assertThat(shown(robot, "#current-image")).as("no empty image panel").isFalse();
        Button next = robot.lookup("#start-next-round").queryButton();
        assertThat(next.getText()).isEqualTo("Start round 3");
        robot.clickOn(next);
        assertThat(nextRoundAsked).hasValue(1);
    }
}
