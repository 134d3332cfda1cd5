package org.alor.app.label;

import org.alor.app.SyntheticBirds;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.alor.store.LabelKind;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A missing or corrupt image shows a placeholder with a warning, and the queue goes on. */
@ExtendWith(ApplicationExtension.class)
class MissingImageFxTest {
    private ProjectStore store;
    private LabelingViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = SyntheticBirds.project(Files.createTempDirectory("alor-missing"), 6, 4);
        store = ProjectStore.open(dir);
        LabelingSession session = LabelingSession.load(store, 2, SyntheticBirds.truthFirst());
        Files.delete(session.items().get(0).file());
        Files.writeString(session.items().get(1).file(), "not a png");
        vm = new LabelingViewModel(store, session, "tester", Runnable::run, e -> { });
        LabelingPane pane = new LabelingPane(vm);
        stage.setScene(new Scene(pane.root(), 1100, 700));
        stage.show();
        pane.root().requestFocus();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String message(FxRobot robot) {
        return robot.lookup(".image-message").<Label>query().getText();
    }

    @Test
    void placeholderAndTheQueueContinues(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message(robot).startsWith("⚠ Cannot show"));
        assertThat(vm.provenanceProperty().get()).contains("⚠ file missing");
        Label path = robot.lookup("#file-path").queryAs(Label.class);
        assertThat(path.isVisible()).as("the full path waits for Show file").isFalse();
        robot.clickOn("#show-file");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(path.isVisible()).isTrue();
        assertThat(path.getText()).isEqualTo(vm.session().items().get(0).file().toString());
        robot.clickOn("#current-image"); // the keys go to the labeling screen again
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message(robot).startsWith("⚠ Cannot show"));
        robot.push(KeyCode.CONTROL, KeyCode.S);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message(robot).isEmpty());
        assertThat(robot.lookup("#current-image").queryAs(javafx.scene.image.ImageView.class).getImage()).isNotNull();
        assertThat(store.labelLog().current(vm.session().items().get(0).sampleId()).orElseThrow().kind()).isEqualTo(LabelKind.LABEL);
        assertThat(store.labelLog().current(vm.session().items().get(1).sampleId()).orElseThrow().kind()).isEqualTo(LabelKind.SKIP);
    }
}
