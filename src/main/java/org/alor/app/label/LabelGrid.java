package org.alor.app.label;

import org.alor.app.common.Views;

import javafx.collections.SetChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;

/**
 * Grid mode: the whole queue as thumbnails; click, Ctrl+click, Shift+click select, then a key assigns. Tiles
 * share out the whole width; a tile's caption wraps (its tooltip holds it too) and is empty while unlabeled.
 */
final class LabelGrid {
    private static final double MIN_TILE = 150;
    private static final double SPACING = 6;
    /** room for the vertical scroll bar and the grid's insets */
    private static final double CHROME = 24;
    private final VBox box;

    /** @param refocus gives the keyboard focus back to the labeling screen after a click */
    LabelGrid(LabelingViewModel vm, Thumbnails thumbs, Runnable refocus) {
        GridView<LabelQueue.Entry> grid = new GridView<>(vm.entries());
        grid.setId("label-grid");
        grid.setCellWidth(MIN_TILE);
        grid.setCellHeight(MIN_TILE);
        grid.setHorizontalCellSpacing(SPACING);
        grid.setVerticalCellSpacing(SPACING);
        grid.widthProperty().addListener((o, a, w) -> fill(grid, w.doubleValue()));
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
                v.fitWidthProperty().bind(grid.cellWidthProperty().subtract(4));
                v.fitHeightProperty().bind(grid.cellHeightProperty().subtract(46));
                v.setPreserveRatio(true);
                Label caption = new Label(caption(vm, e));
                caption.getStyleClass().add("grid-caption");
                caption.setWrapText(true);
                caption.maxWidthProperty().bind(grid.cellWidthProperty().subtract(4));
                if (!caption.getText().isEmpty()) caption.setTooltip(new Tooltip(caption.getText()));
                VBox tile = new VBox(2, v, caption);
                tile.setAlignment(javafx.geometry.Pos.TOP_CENTER);
                setGraphic(tile);
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
        Label hint = Views.muted("Grid: click, Ctrl+click or Shift+click to select; 1–5 or the class picker assign one class to all selected.");
        box = new VBox(6, hint, grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        box.visibleProperty().bind(vm.gridProperty());
    }

    /** Nothing for an image without a decision; else its mark, and the class when labeled. */
    static String caption(LabelingViewModel vm, LabelQueue.Entry e) {
        if (e.status() == ItemStatus.PENDING) return "";
        return e.status().symbol() + (e.classId() == null ? "" : " " + vm.className(e.classId()));
    }

    /** As many tiles of at least {@link #MIN_TILE} as fit in a row, widened to use the whole row. */
    private static void fill(GridView<?> grid, double width) {
        double room = width - CHROME;
        if (room <= 0) return;
        int perRow = Math.max(1, (int) Math.floor(room / (MIN_TILE + 2 * SPACING)));
        double cell = Math.floor(room / perRow) - 2 * SPACING;
        grid.setCellWidth(cell);
        grid.setCellHeight(Math.round(cell * 0.75) + 46);
    }

    Node node() {
        return box;
    }
}
