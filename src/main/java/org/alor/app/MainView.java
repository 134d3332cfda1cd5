package org.alor.app;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.alor.store.ProjectOverview.ClassRow;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.util.function.Function;

/** The main window's content: a tool bar, the class table of the open project, and a status bar. */
public final class MainView {
    private final MainViewModel model;
    private final BorderPane root = new BorderPane();

    public MainView(MainViewModel model) {
        this.model = model;
        root.setTop(toolBar());
        root.setCenter(classTable());
        root.setBottom(statusBar());
    }

    public Parent root() {
        return root;
    }

    private ToolBar toolBar() {
        Button open = new Button("Open project…", new FontIcon("mdi2f-folder-open-outline"));
        open.setId("open-project");
        open.setOnAction(e -> chooseProject(root.getScene() == null ? null : root.getScene().getWindow()));
        return new ToolBar(open);
    }

    private void chooseProject(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open an ALOR project folder");
        File dir = chooser.showDialog(owner);
        if (dir != null) model.openProject(dir.toPath());
    }

    private TableView<ClassRow> classTable() {
        TableView<ClassRow> table = new TableView<>(model.classes());
        table.setId("class-table");
        table.setPlaceholder(new Label("Open a project folder to see its classes."));
        table.getColumns().add(column("ID", ClassRow::id, 50));
        table.getColumns().add(column("Name", ClassRow::name, 240));
        table.getColumns().add(column("Most common name", ClassRow::mostCommonName, 220));
        table.getColumns().add(column("Pool", ClassRow::pool, 70));
        table.getColumns().add(column("Val", ClassRow::val, 70));
        table.getColumns().add(column("Test", ClassRow::test, 70));
        table.getColumns().add(column("Retrieved", ClassRow::retrieved, 90));
        table.getColumns().add(column("Labeled", ClassRow::labeled, 80));
        return table;
    }

    private static <T> TableColumn<ClassRow, T> column(String title, Function<ClassRow, T> value, double width) {
        TableColumn<ClassRow, T> col = new TableColumn<>(title);
        col.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        col.setPrefWidth(width);
        return col;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.busyProperty());
        Label device = new Label(DeviceLabel.describe());
        HBox bar = new HBox(12, busy, status, device);
        bar.setPadding(new Insets(4, 8, 4, 8));
        HBox.setHgrow(status, javafx.scene.layout.Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        return bar;
    }
}
