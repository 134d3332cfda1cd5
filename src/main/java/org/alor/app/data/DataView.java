package org.alor.app.data;

import org.alor.app.common.OpenProject;
import org.alor.app.common.Views;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.alor.data.Split;
import org.alor.store.ProjectOverview;
import org.alor.store.ProjectOverview.ClassRow;

import java.util.function.Function;

/** Data: the open project's classes with counts per split, and the problems found. */
public final class DataView {
    private final VBox root = new VBox(12);

    /** The line under the page title: sizes, decisions and rounds run, then the project folder. */
    static String countsText(ProjectOverview o) {
        return o.classes().size() + " classes · "
                + o.countsBySplit().getOrDefault(Split.POOL, 0) + " pool · " + o.countsBySplit().getOrDefault(Split.VAL, 0)
                + " val · " + o.countsBySplit().getOrDefault(Split.TEST, 0) + " test · "
                + o.countsBySplit().getOrDefault(Split.RETRIEVED, 0) + " retrieved · " + o.labeled() + " labeled · "
                + o.unsure() + " unsure · " + o.roundsRun() + (o.roundsRun() == 1 ? " round" : " rounds") + "\n" + o.dir();
    }

    public DataView(OpenProject project) {
        ProjectOverview o = project.overview();
        root.setPadding(Views.pagePadding());
        Label title = Views.title(o.name());
        Label counts = Views.muted(countsText(o));
        root.getChildren().addAll(title, counts);
        for (String p : o.problems()) {
            Label warn = new Label("⚠ " + p);
            warn.getStyleClass().add("warning");
            warn.setWrapText(true);
            root.getChildren().add(warn);
        }
        TableView<ClassRow> table = new TableView<>(javafx.collections.FXCollections.observableArrayList(o.classes()));
        table.setId("class-table");
        table.setPlaceholder(new Label("The project has no classes."));
        table.getColumns().add(column("ID", ClassRow::id, 50));
        table.getColumns().add(column("Name", ClassRow::name, 240));
        table.getColumns().add(column("Most common name", ClassRow::mostCommonName, 220));
        table.getColumns().add(column("Pool", ClassRow::pool, 70));
        table.getColumns().add(column("Val", ClassRow::val, 70));
        table.getColumns().add(column("Test", ClassRow::test, 70));
        table.getColumns().add(column("Retrieved", ClassRow::retrieved, 90));
        table.getColumns().add(column("Labeled", ClassRow::labeled, 80));
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        root.getChildren().add(table);
    }

    public Parent root() {
        return root;
    }

    private static <T> TableColumn<ClassRow, T> column(String title, Function<ClassRow, T> value, double width) {
        TableColumn<ClassRow, T> col = new TableColumn<>(title);
        col.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        col.setPrefWidth(width);
        return col;
    }
}
