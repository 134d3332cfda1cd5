package org.alor.app.label;

import org.alor.app.common.Views;

import javafx.collections.SetChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;

/** Grid mode: the whole queue as thumbnails; click, Ctrl+click, Shift+click select, then a key assigns. */
final class LabelGrid {
    private final VBox box;

    /** @param refocus gives the keyboard focus back to the labeling screen after a click */
    LabelGrid(LabelingViewModel vm, Thumbnails thumbs, Runnable refocus) {
        GridView<LabelQueue.Entry> grid = new GridView<>(vm.entries());
        grid.setId("label-grid");
        grid.setCellWidth(150);
        grid.setCellHeight(124);
        grid.setHorizontalCellSpacing(6);
        grid.setVerticalCellSpacing(6);
        grid.setFocusTraversable(false);
        grid.setCellFactory(g -> new GridCell<>() {
            @Override
            protected void updateItem(LabelQueue.Entry e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().removeAll("grid-selected", "grid-current");
                if (empty || e == null) {
                    setGraphic(null);
                    return;
                }
                ImageView v = new ImageView(thumbs.get(e.item().file()));
                v.setFitWidth(146);
                v.setFitHeight(100);
                v.setPreserveRatio(true);
                Label caption = new Label(e.status().symbol() + " " + (e.classId() == null ? "" : vm.className(e.classId())));
                caption.getStyleClass().add("grid-caption");
                setGraphic(new VBox(2, v, caption));
                if (vm.gridSelection().contains(e.item())) getStyleClass().add("grid-selected");
                if (e.item().equals(vm.currentItemProperty().get())) getStyleClass().add("grid-current");
                setOnMouseClicked(ev -> {
                    vm.select(e.item(), ev.isShortcutDown() || ev.isControlDown(), ev.isShiftDown());
                    refocus.run();
                });
            }
        });
        vm.gridSelection().addListener((SetChangeListener<QueueItem>) c -> vm.entries().setAll(vm.queue().entries()));
        grid.visibleProperty().bind(vm.gridProperty());
        Label hint = Views.muted("Grid: click, Ctrl+click or Shift+click to select; 1–5 or the class search assign one class to all selected.");
        box = new VBox(6, hint, grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        box.visibleProperty().bind(vm.gridProperty());
    }

    Node node() {
        return box;
    }
}
