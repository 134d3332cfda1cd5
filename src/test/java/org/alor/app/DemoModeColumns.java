package org.alor.app;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo mode's large fonts must not cut a table's column headers to "Ma…": shared by the pages' demo tests. */
public final class DemoModeColumns {
    private DemoModeColumns() {
    }

    /** Opens {@code project}, goes to the rail page {@code railId} and checks each title shows whole in {@code tableId}. */
    public static void assertWholeHeaders(FxRobot robot, ShellOnStage shell, Path project, String railId, String tableId,
                                          List<String> titles) throws Exception {
        robot.interact(() -> shell.model().openProject(project));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shell.model().projectProperty().get() != null);
        robot.clickOn(railId);
        String headers = tableId + " .column-header .label";
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(headers).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // the header layout settles one pulse after the table is shown
        WaitForAsyncUtils.waitForFxEvents();
        for (String title : titles) {
            Labeled header = robot.lookup(headers).match((Node n) -> n instanceof Labeled l && title.equals(l.getText())).queryLabeled();
            String[] shown = new String[1];
            robot.interact(() -> shown[0] = ((Text) header.lookup(".text")).getText());
            assertThat(shown[0]).as("header of column " + title).isEqualTo(title);
        }
    }
}
