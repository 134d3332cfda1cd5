package org.alor.app.shell;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.alor.app.ShellOnStage;
import org.alor.app.SyntheticBirds;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 16: in the dark theme the selected rail item stands out and a selected table row stays readable. */
@ExtendWith(ApplicationExtension.class)
public class DarkThemeContrastFxTest {
    private ShellOnStage shell;
    private Path project;

    @Start
    void start(Stage stage) throws Exception {
        project = SyntheticBirds.project(Files.createTempDirectory("alor-dark-contrast"), 4, 2);
        AppPreferences prefs = TestPrefs.fresh();
        prefs.setTheme(AppPreferences.Theme.DARK);
        shell = new ShellOnStage(stage, AppServices.none(), prefs, 1280, 800);
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    /** WCAG contrast ratio of two colours. */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** The topmost background fill; a gradient counts as the average of its stops. */
    public static Color background(Region r) {
        Background bg = r.getBackground();
        javafx.scene.paint.Paint p = bg.getFills().get(bg.getFills().size() - 1).getFill();
        if (p instanceof Color c) return c;
        List<javafx.scene.paint.Stop> stops = p instanceof javafx.scene.paint.LinearGradient g ? g.getStops()
                : ((javafx.scene.paint.RadialGradient) p).getStops();
        double red = 0, green = 0, blue = 0;
        for (javafx.scene.paint.Stop s : stops) {
            red += s.getColor().getRed();
            green += s.getColor().getGreen();
            blue += s.getColor().getBlue();
        }
        return Color.color(red / stops.size(), green / stops.size(), blue / stops.size());
    }

    public static Color textOf(Node labeled) {
        return (Color) ((Text) labeled.lookup(".text")).getFill();
    }

    @Test
    void selectedRailItemAndSelectedTableRowsAreReadable(FxRobot robot) throws Exception {
        robot.interact(() -> shell.model().openProject(project));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shell.model().projectProperty().get() != null);
        robot.clickOn("#rail-retrieval");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".table-row-cell:selected").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        Region rail = robot.lookup(".rail").queryAs(Region.class);
        Labeled selected = robot.lookup("#rail-retrieval").queryAs(Labeled.class);
        Color[] c = new Color[3];
        robot.interact(() -> {
            c[0] = background((Region) selected);
            c[1] = textOf(selected);
            c[2] = background(rail);
        });
        assertThat(contrast(c[0], c[1])).as("selected rail item text on its background").isGreaterThanOrEqualTo(4.5);
        assertThat(contrast(c[0], c[2])).as("selected rail item against the rail").isGreaterThanOrEqualTo(1.6);

        TableView<?> table = robot.lookup("#retrieval-classes").queryAs(TableView.class);
        for (boolean focused : new boolean[]{false, true}) {
            if (focused) robot.interact(table::requestFocus);
            else robot.interact(() -> robot.lookup("#run-retrieval").query().requestFocus());
            WaitForAsyncUtils.waitForFxEvents();
            TableRow<?> row = (TableRow<?>) robot.lookup(".table-row-cell:selected").query();
            Node cell = row.lookup(".table-cell");
            robot.interact(() -> {
                c[0] = background(row);
                c[1] = textOf(cell);
            });
            assertThat(contrast(c[0], c[1])).as("selected row text on its background, table focused: " + focused)
                    .isGreaterThanOrEqualTo(4.5);
        }
    }
}
