package org.alor.app.data;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.alor.app.ShellOnStage;
import org.alor.app.SyntheticBirds;
import org.alor.app.TestPrefs;
import org.alor.app.shell.AppServices;
import org.alor.app.shell.ShellViewModel;
import org.alor.data.DatasetFormat;
import org.alor.data.DatasetImport;
import org.alor.data.DatasetImports;
import org.alor.data.ImportRequest;
import org.alor.data.Split;
import org.alor.store.ProjectCreator;
import org.controlsfx.control.GridView;
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

/** Issue 17 item 13: the Data page browses the project's images as thumbnails, filtered, and lists import problems. */
@ExtendWith(ApplicationExtension.class)
class DataBrowserFxTest {
    private ShellOnStage shell;
    private ShellViewModel model;
    private Path project;

    @Start
    void start(Stage stage) throws Exception {
        Path base = Files.createTempDirectory("alor-browser");
        Path data = SyntheticBirds.writeImageFolder(base.resolve("dataset"), 5, 2);
        Files.writeString(data.resolve("Sialia sialis/notes.txt"), "not an image");
        DatasetImport imported = DatasetImports.run(ImportRequest.of(data).withFormat(DatasetFormat.IMAGE_FOLDER));
        project = base.resolve("p");
        ProjectCreator.create(new ProjectCreator.Spec(project, imported, imported.classes(), null, null, null, 0.2, 0.2, 0));
        shell = new ShellOnStage(stage, AppServices.none(), TestPrefs.fresh(), 1280, 800);
        model = shell.model();
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    @Test
    void thumbnailsFilterBySplitAndImportProblemsAreListed(FxRobot robot) throws Exception {
        robot.interact(() -> model.openProject(project));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.projectProperty().get() != null);
        robot.clickOn("#rail-data");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#data-grid").tryQuery().isPresent()
                && !robot.lookup("#data-grid").queryAs(GridView.class).getItems().isEmpty());
        GridView<?> grid = robot.lookup("#data-grid").queryAs(GridView.class);
        assertThat(grid.getItems()).hasSize(30);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".data-thumb").tryQuery().isPresent());

        @SuppressWarnings("unchecked")
        ComboBox<Object> split = robot.lookup("#filter-split").queryAs(ComboBox.class);
        Object val = split.getItems().stream().filter(o -> o.toString().toLowerCase().startsWith("val")).findFirst().orElseThrow();
        robot.interact(() -> split.setValue(val));
        int vals = model.projectProperty().get().store().sampleTable().countsBySplit().get(Split.VAL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> grid.getItems().size() == vals);
        assertThat(robot.lookup("#data-result-count").queryLabeled().getText()).startsWith(vals + " of 30");

        ListView<?> problems = robot.lookup("#import-problems").queryAs(ListView.class);
        assertThat(problems.getItems()).singleElement().asString().contains("notes.txt").contains("not an image");
    }
}
