package org.alor.app.label;

import org.alor.app.SyntheticBirds;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.alor.store.LabelEvent;
import org.alor.store.LabelKind;
import org.alor.store.LabelState;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Labels a round's images with the keyboard through the real screen and checks the store's label events. */
@ExtendWith(ApplicationExtension.class)
class LabelingFlowFxTest {
    private ProjectStore store;
    private LabelingViewModel vm;
    private volatile Throwable writeFailure;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = SyntheticBirds.project(Files.createTempDirectory("alor-flow"), 8, 6);
        store = ProjectStore.open(dir);
        LabelingSession session = LabelingSession.load(store, 2, SyntheticBirds.truthFirst());
        vm = new LabelingViewModel(store, session, "tester", Runnable::run, e -> writeFailure = e);
        LabelingPane pane = new LabelingPane(vm);
        LabelScreen.showOnStage(stage, pane);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void keyboardLabelingWritesExactlyTheExpectedEvents(FxRobot robot) {
        List<QueueItem> items = vm.session().items();
        int robin = store.classTable().all().stream().filter(c -> c.name().equals("Turdus migratorius")).findFirst().orElseThrow().id();

        robot.type(KeyCode.DIGIT1);                           // item 0: the first suggestion
        robot.type(KeyCode.R, KeyCode.O, KeyCode.B);          // item 1: typing opens the class search
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.searchOpenProperty().get()).isTrue();
        assertThat(vm.searchQueryProperty().get()).isEqualTo("rob");
        assertThat(robot.lookup("#class-picker-list").queryListView().getItems()).hasSize(1);
        robot.type(KeyCode.ENTER);                            //          Enter assigns American Robin
        robot.push(KeyCode.CONTROL, KeyCode.U);               // item 2: unsure
        robot.push(KeyCode.CONTROL, KeyCode.S);               // item 3: skipped, comes back at the end
        robot.type(KeyCode.DIGIT1);                           // item 4
        robot.type(KeyCode.BACK_SPACE);                       //          undone: back on item 4
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.currentItemProperty().get()).isEqualTo(items.get(4));
        robot.type(KeyCode.DIGIT2);                           // item 4 again, with the second suggestion
        robot.type(KeyCode.DIGIT1);                           // item 5
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.currentItemProperty().get()).isEqualTo(items.get(3));
        robot.type(KeyCode.DIGIT1);                           // item 3, returned after the skip
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(writeFailure).isNull();
        assertThat(vm.finishedProperty().get()).isTrue();
        assertThat(robot.lookup("#labeling-progress").queryLabeled().getText()).isEqualTo("5 / 6 this round");
        assertThat(store.labelLog().eventCount()).isEqualTo(9);
        int n = store.classTable().all().size();
        assertThat(kinds(items.get(0))).containsExactly(LabelKind.LABEL);
        assertThat(kinds(items.get(1))).containsExactly(LabelKind.LABEL);
        assertThat(kinds(items.get(2))).containsExactly(LabelKind.UNSURE);
        assertThat(kinds(items.get(3))).containsExactly(LabelKind.SKIP, LabelKind.LABEL);
        assertThat(kinds(items.get(4))).containsExactly(LabelKind.LABEL, LabelKind.UNDO, LabelKind.LABEL);
        assertThat(store.labelLog().history(items.get(4).sampleId()).get(0).effective()).isFalse();
        assertThat(kinds(items.get(5))).containsExactly(LabelKind.LABEL);
        Map<Long, LabelState> current = store.labelLog().current();
        assertThat(current.get(items.get(0).sampleId()).classId()).isEqualTo(items.get(0).sample().trueLabel());
        assertThat(current.get(items.get(1).sampleId()).classId()).isEqualTo(robin);
        assertThat(current.get(items.get(2).sampleId()).kind()).isEqualTo(LabelKind.UNSURE);
        assertThat(current.get(items.get(4).sampleId()).classId()).isEqualTo((items.get(4).sample().trueLabel() + 1) % n);
        assertThat(store.labelLog().history(items.get(0).sampleId())).allSatisfy(e -> {
            assertThat(e.who()).isEqualTo("tester");
            assertThat(e.round()).isEqualTo(2);
        });
    }

    private List<LabelKind> kinds(QueueItem item) {
        return store.labelLog().history(item.sampleId()).stream().map(LabelEvent::kind).toList();
    }
}
