package org.alor.app.label;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 feature: compare the image side by side with a class's example images, from a suggestion or the picker. */
@ExtendWith(ApplicationExtension.class)
class CompareFxTest {
    private LabelScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        screen = LabelScreen.show(stage, "alor-compare");
    }

    @AfterEach
    void close() {
        screen.store.close();
    }

    private List<ImageView> examples(FxRobot robot) {
        return robot.lookup(".compare-example").queryAllAs(ImageView.class).stream().filter(LabelScreen::shown).toList();
    }

    private static Path file(String url) {
        return Path.of(java.net.URI.create(url));
    }

    @Test
    void aSuggestionCardComparesWithItsClassExamplesAndEscReturns(FxRobot robot) throws Exception {
        Suggestion s = screen.vm.suggestions().get(0);
        QueueItem current = screen.vm.currentItemProperty().get();
        robot.clickOn("#compare-suggestion-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(LabelScreen.shown(robot.lookup("#compare-pane").query())).isTrue();
        assertThat(robot.lookup("#compare-title").queryAs(Label.class).getText()).contains(s.name());
        List<ImageView> ex = examples(robot);
        assertThat(ex).hasSize(s.references().size()).isNotEmpty();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ex.stream().allMatch(v -> v.getImage().getProgress() == 1));
        WaitForAsyncUtils.waitForFxEvents();
        Set<Path> shown = ex.stream().map(v -> file(v.getImage().getUrl())).collect(java.util.stream.Collectors.toSet());
        assertThat(shown).containsExactlyInAnyOrderElementsOf(s.references());
        assertThat(ex).allSatisfy(v -> assertThat(v.getBoundsInParent().getWidth()).isGreaterThan(100));
        assertThat(file(robot.lookup("#compare-current").queryAs(ImageView.class).getImage().getUrl())).isEqualTo(current.file());

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(LabelScreen.shown(robot.lookup("#compare-pane").query())).isFalse();
        assertThat(LabelScreen.shown(robot.lookup("#current-image").query())).isTrue();
        assertThat(screen.store.labelLog().current(current.sampleId())).as("comparing labels nothing").isEmpty();
    }

    @Test
    void aPickerRowComparesAndEnterThenLabelsThatClass(FxRobot robot) {
        QueueItem current = screen.vm.currentItemProperty().get();
        int robin = screen.classId("Turdus migratorius");
        robot.type(KeyCode.R, KeyCode.O, KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        Node compare = robot.lookup(".picker-compare").match(LabelScreen::shown).query();
        robot.clickOn(compare);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(LabelScreen.shown(robot.lookup("#compare-pane").query())).isTrue();
        assertThat(robot.lookup("#compare-title").queryAs(Label.class).getText()).contains("Turdus migratorius");
        List<Path> refs = screen.vm.session().references().getOrDefault(robin, List.of());
        assertThat(examples(robot)).hasSize(refs.size());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screen.store.labelLog().current(current.sampleId()).orElseThrow().classId()).isEqualTo(robin);
        assertThat(LabelScreen.shown(robot.lookup("#compare-pane").query())).isFalse();
    }
}
