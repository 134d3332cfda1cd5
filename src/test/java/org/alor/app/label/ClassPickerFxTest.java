package org.alor.app.label;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.alor.store.LabelState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 item 2: the class picker sits beside the image (not over it); names match on scientific, common and
 * synonym names; each row shows reference thumbnails and the model's probability; Enter or a click labels.
 */
@ExtendWith(ApplicationExtension.class)
class ClassPickerFxTest {
    private LabelScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        screen = LabelScreen.show(stage, "alor-picker");
    }

    @AfterEach
    void close() {
        screen.store.close();
    }

    private static Bounds sceneBounds(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    private List<ClassSearch.ClassMatch> hits(FxRobot robot) {
        ListView<ClassSearch.ClassMatch> list = robot.lookup("#class-picker-list").queryListView();
        return List.copyOf(list.getItems());
    }

    /** The picker row (list cell) showing class {@code classId}. */
    private Node row(FxRobot robot, int classId) {
        return robot.lookup(".picker-row").match((Node n) -> n.isVisible()
                && n instanceof javafx.scene.control.ListCell<?> c && c.getItem() instanceof ClassSearch.ClassMatch m
                && m.classId() == classId).query();
    }

    private String expectedProbability(int classId) {
        QueueItem item = screen.vm.currentItemProperty().get();
        return screen.vm.session().predictions().get(item.sampleId()).stream().filter(p -> p.classId() == classId)
                .map(p -> String.format(Locale.ROOT, "%.2f", p.probability())).findFirst().orElse("");
    }

    @Test
    void typingOpensThePickerBesideTheImageWithThumbnailsAndProbabilities(FxRobot robot) throws Exception {
        robot.type(KeyCode.N, KeyCode.O, KeyCode.R, KeyCode.T, KeyCode.H);   // "Northern Cardinal": a common name
        WaitForAsyncUtils.waitForFxEvents();
        Node picker = robot.lookup("#class-picker").query();
        assertThat(LabelScreen.shown(picker)).isTrue();
        Node image = robot.lookup("#current-image").query();
        assertThat(LabelScreen.shown(image)).as("the image stays in view").isTrue();
        assertThat(sceneBounds(image).intersects(sceneBounds(picker))).as("the picker is beside the image, not over it").isFalse();

        int cardinal = screen.classId("Cardinalis cardinalis");
        assertThat(hits(robot)).extracting(ClassSearch.ClassMatch::classId).containsExactly(cardinal);
        Node row = row(robot, cardinal);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> row.lookupAll(".picker-thumb").stream()
                .filter(n -> ((ImageView) n).getImage() != null && ((ImageView) n).getImage().getProgress() == 1).count() >= 2);
        assertThat(row.lookupAll(".picker-thumb").size()).isBetween(2, 4);
        assertThat(((Label) row.lookup(".picker-prob")).getText()).isEqualTo(expectedProbability(cardinal));

        // a synonym that is neither the scientific nor the common name
        TextField field = robot.lookup("#class-search").queryAs(TextField.class);
        robot.interact(() -> field.setText("redbreast"));
        int robin = screen.classId("Turdus migratorius");
        assertThat(hits(robot)).extracting(ClassSearch.ClassMatch::classId).containsExactly(robin);
        assertThat(((Label) row(robot, robin).lookup(".picker-names")).getText()).contains("redbreast");

        // every class, the model's most probable first, its probability on the row
        robot.interact(() -> field.setText(""));
        List<ClassSearch.ClassMatch> all = hits(robot);
        assertThat(all).hasSize(screen.vm.session().classes().size());
        assertThat(((Label) row(robot, all.get(0).classId()).lookup(".picker-prob")).getText()).isEqualTo("0.55");
        ClassSearch.ClassMatch unpredicted = all.get(all.size() - 1);
        assertThat(unpredicted.probability()).as("the model's top 5 of 6 classes leave one out").isNull();
        assertThat(((Label) row(robot, unpredicted.classId()).lookup(".picker-prob")).getText()).isEmpty();

        // ↓ then Enter labels the highlighted class and closes the picker
        QueueItem first = screen.vm.currentItemProperty().get();
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        LabelState st = screen.store.labelLog().current(first.sampleId()).orElseThrow();
        assertThat(st.classId()).isEqualTo(all.get(1).classId());
        assertThat(LabelScreen.shown(picker)).isFalse();
        assertThat(Set.of(screen.vm.currentItemProperty().get())).doesNotContain(first);
    }

    @Test
    void escClosesAndAClickOnARowLabels(FxRobot robot) {
        robot.type(KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(LabelScreen.shown(robot.lookup("#class-picker").query())).isTrue();
        assertThat(LabelScreen.shown(robot.lookup("#suggestion-1").query())).as("the picker takes the suggestions' place").isFalse();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(LabelScreen.shown(robot.lookup("#class-picker").query())).isFalse();
        assertThat(LabelScreen.shown(robot.lookup("#suggestion-1").query())).isTrue();
        assertThat(screen.store.labelLog().current(screen.vm.currentItemProperty().get().sampleId())).isEmpty();

        robot.type(KeyCode.R, KeyCode.O, KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        QueueItem first = screen.vm.currentItemProperty().get();
        int robin = screen.classId("Turdus migratorius");
        robot.clickOn(row(robot, robin).lookup(".picker-names"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screen.store.labelLog().current(first.sampleId()).orElseThrow().classId()).isEqualTo(robin);
    }
}
