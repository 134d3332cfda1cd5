package org.alor.app.label;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 5: grid tiles fill the width, names wrap instead of being cut, unlabeled tiles carry no "·". */
@ExtendWith(ApplicationExtension.class)
class LabelGridFxTest {
    private LabelScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        screen = LabelScreen.show(stage, "alor-grid");
    }

    @AfterEach
    void close() {
        screen.store.close();
    }

    @Test
    void tilesFillTheWidthNamesWrapAndUnlabeledTilesAreBlank(FxRobot robot) {
        robot.type(KeyCode.DIGIT1);                       // the first image labeled
        robot.push(KeyCode.CONTROL, KeyCode.G);
        WaitForAsyncUtils.waitForFxEvents();
        GridView<?> grid = robot.lookup("#label-grid").queryAs(GridView.class);
        double slot = grid.getCellWidth() + 2 * grid.getHorizontalCellSpacing();
        int perRow = (int) Math.floor(grid.getWidth() / slot);
        assertThat(perRow * slot).as("tiles use the whole width").isGreaterThan(grid.getWidth() - 30);

        List<Label> captions = robot.lookup(".grid-caption").queryAllAs(Label.class).stream().filter(LabelScreen::shown).toList();
        assertThat(captions).hasSize(screen.vm.entries().size());
        assertThat(captions).filteredOn(l -> l.getText().contains("✓")).singleElement().satisfies(l -> {
            assertThat(l.isWrapText()).isTrue();
            assertThat(l.getTooltip()).isNotNull();
            assertThat(l.getTooltip().getText()).contains(l.getText().substring(2));
        });
        assertThat(captions).filteredOn(l -> !l.getText().contains("✓")).hasSize(captions.size() - 1)
                .allSatisfy(l -> assertThat(l.getText()).isBlank());
    }
}
