package org.alor.app.shell;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.alor.app.ShellOnStage;
import org.alor.app.SyntheticBirds;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.common.Page;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.alor.app.shell.DarkThemeContrastFxTest.background;
import static org.alor.app.shell.DarkThemeContrastFxTest.contrast;
import static org.alor.app.shell.DarkThemeContrastFxTest.textOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 16: in demo mode, over either theme, a selected recent project and the spinners stay readable. */
class DemoModeReadableFxTest {
    @ParameterizedTest
    @EnumSource(AppPreferences.Theme.class)
    void selectedRecentProjectAndSpinnersAreReadable(AppPreferences.Theme theme) throws Exception {
        Path project = SyntheticBirds.project(Files.createTempDirectory("alor-demo-readable"), 4, 2);
        FxRobot robot = new FxRobot();
        ShellOnStage[] shell = {demoShell(robot, theme)};
        try {
            robot.interact(() -> shell[0].model().openProject(project));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shell[0].model().projectProperty().get() != null);
            robot.interact(() -> shell[0].model().pageProperty().set(Page.HOME));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#recent-projects").tryQuery().isPresent());
            ListView<?> recent = robot.lookup("#recent-projects").queryAs(ListView.class);
            for (boolean focused : new boolean[]{true, false}) {
                robot.interact(() -> {
                    recent.getSelectionModel().select(0);
                    if (focused) recent.requestFocus();
                    else robot.lookup("#rail-data").query().requestFocus();
                });
                WaitForAsyncUtils.waitForFxEvents();
                ListCell<?> cell = (ListCell<?>) recent.lookup(".list-cell:selected");
                List<Label> labels = List.copyOf(cell.lookupAll(".label").stream().filter(n -> n instanceof Label).map(n -> (Label) n).toList());
                assertThat(labels).isNotEmpty();
                for (Label l : labels) {
                    Color[] c = new Color[2];
                    robot.interact(() -> {
                        c[0] = background(cell);
                        c[1] = textOf(l);
                    });
                    assertThat(contrast(c[0], c[1])).as("'%s' on the selected recent project (%s, focused %s)", l.getText(), theme, focused)
                            .isGreaterThanOrEqualTo(4.5);
                }
            }

            robot.interact(() -> shell[0].model().pageProperty().set(Page.SETTINGS));
            WaitForAsyncUtils.waitForFxEvents();
            for (Node n : robot.lookup((Node x) -> x instanceof Spinner).queryAll()) {
                TextField editor = ((Spinner<?>) n).getEditor();
                Color[] c = new Color[2];
                robot.interact(() -> {
                    c[0] = background(editor);
                    c[1] = textOf(editor);
                });
                assertThat(contrast(c[0], c[1])).as("spinner text (%s)", theme).isGreaterThanOrEqualTo(4.5);
                Region arrow = (Region) n.lookup(".increment-arrow");
                Region button = (Region) n.lookup(".increment-arrow-button");
                robot.interact(() -> {
                    c[0] = background(button);
                    c[1] = background(arrow);
                });
                assertThat(contrast(c[0], c[1])).as("spinner arrow (%s)", theme).isGreaterThanOrEqualTo(3);
            }
        } finally {
            robot.interact(() -> shell[0].close());
        }
    }

    @ParameterizedTest
    @EnumSource(AppPreferences.Theme.class)
    void demoModeKeepsTheThemesLightOrDark(AppPreferences.Theme theme) throws Exception {
        FxRobot robot = new FxRobot();
        ShellOnStage[] shell = {demoShell(robot, theme)};
        try {
            WaitForAsyncUtils.waitForFxEvents();
            Color[] page = new Color[2];
            robot.interact(() -> {
                page[0] = background((Region) shell[0].view().root());
                page[1] = textOf(robot.lookup(".page-title").queryAs(Label.class));
            });
            double luminance = 0.2126 * page[0].getRed() + 0.7152 * page[0].getGreen() + 0.0722 * page[0].getBlue();
            if (theme == AppPreferences.Theme.DARK) assertThat(luminance).as("page background %s", page[0]).isLessThan(0.2);
            else assertThat(luminance).as("page background %s", page[0]).isGreaterThan(0.8);
            assertThat(contrast(page[0], page[1])).as("title on the page (%s)", theme).isGreaterThanOrEqualTo(7);
        } finally {
            robot.interact(() -> shell[0].close());
        }
    }

    @ParameterizedTest
    @EnumSource(AppPreferences.Theme.class)
    void errorTextStaysRedInDemoMode(AppPreferences.Theme theme) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxRobot robot = new FxRobot();
        Color[] fill = new Color[1];
        robot.interact(() -> {
            Label error = new Label("Choose a folder of images.");
            error.getStyleClass().add("error-text");
            javafx.scene.Scene scene = new javafx.scene.Scene(new javafx.scene.layout.StackPane(error));
            scene.getStylesheets().add(ShellView.LIGHT_CSS);
            if (theme == AppPreferences.Theme.DARK) scene.getStylesheets().add(ShellView.DARK_CSS);
            scene.getStylesheets().add(ShellView.DEMO_CSS);
            if (theme == AppPreferences.Theme.DARK) scene.getStylesheets().add(ShellView.DEMO_DARK_CSS);
            error.applyCss();
            fill[0] = (Color) error.getTextFill();
        });
        assertThat(fill[0].getRed()).as("error text %s (%s)", fill[0], theme).isGreaterThan(0.6);
        assertThat(fill[0].getRed() - Math.max(fill[0].getGreen(), fill[0].getBlue())).as("red, not grey").isGreaterThan(0.3);
    }

    /** The real shell on the primary stage with fresh preferences: {@code theme} and demo mode on. */
    private static ShellOnStage demoShell(FxRobot robot, AppPreferences.Theme theme) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        AppPreferences prefs = TestPrefs.fresh();
        prefs.setTheme(theme);
        prefs.setDemoMode(true);
        ShellOnStage[] shell = new ShellOnStage[1];
        robot.interact(() -> shell[0] = new ShellOnStage(stage, AppServices.none(), prefs, 1280, 800));
        return shell[0];
    }
}
