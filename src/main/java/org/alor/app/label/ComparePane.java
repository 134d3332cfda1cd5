package org.alor.app.label;

import org.alor.app.common.ImageCache;
import org.alor.app.common.Views;

import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.List;

/**
 * Compare: the current image beside a class's example images, large enough to tell two similar species
 * apart. Enter (or the button) labels the image with that class; Esc (or Back) returns.
 */
final class ComparePane {
    private static final double GAP = 8;
    private final LabelingViewModel vm;
    private final ImageCache images = new ImageCache(768, 24);
    private final ImageView current = new ImageView();
    private final Label title = new Label();
    private final GridPane examples = new GridPane();
    private final Button labelAs = new Button();
    private final VBox box;
    private final DoubleBinding half;
    private final DoubleBinding height;

    ComparePane(LabelingViewModel vm) {
        this.vm = vm;
        current.setId("compare-current");
        current.setPreserveRatio(true);
        current.setSmooth(true);
        title.setId("compare-title");
        title.getStyleClass().add("compare-title");
        title.setWrapText(true);
        examples.setHgap(GAP);
        examples.setVgap(GAP);
        Button back = new Button("Back (Esc)");
        back.setId("compare-back");
        back.setFocusTraversable(false);
        back.setOnAction(e -> vm.closeCompare());
        back.setMinWidth(Region.USE_PREF_SIZE);
        labelAs.setId("compare-label");
        labelAs.getStyleClass().add("accent");
        labelAs.setFocusTraversable(false);
        // a long scientific name under demo mode's large text wraps instead of losing "(Enter)"
        labelAs.setWrapText(true);
        labelAs.setMinHeight(Region.USE_PREF_SIZE);
        labelAs.setOnAction(e -> {
            Integer c = vm.compareClassProperty().get();
            if (c != null) vm.label(c);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, back, spacer, labelAs);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label thisTitle = new Label("This image");
        thisTitle.getStyleClass().add("compare-title");
        VBox left = new VBox(6, thisTitle, current);
        VBox right = new VBox(6, title, examples);
        left.setAlignment(Pos.CENTER_LEFT);
        right.setAlignment(Pos.CENTER_LEFT);
        HBox sides = new HBox(2 * GAP, left, right);
        VBox.setVgrow(sides, Priority.ALWAYS);
        box = new VBox(8, bar, sides);
        box.setId("compare-pane");
        box.getStyleClass().add("compare-pane");
        box.setPadding(new Insets(10));
        box.setMinSize(0, 0);
        half = box.widthProperty().subtract(20 + 2 * GAP).divide(2);
        height = box.heightProperty().subtract(20 + 8 + 40 + 30);
        current.fitWidthProperty().bind(half);
        current.fitHeightProperty().bind(height);
        left.prefWidthProperty().bind(half);
        right.prefWidthProperty().bind(half);
        box.visibleProperty().bind(vm.compareClassProperty().isNotNull());
        vm.compareClassProperty().addListener((o, a, c) -> show());
        vm.currentItemProperty().addListener((o, a, c) -> show());
    }

    Node node() {
        return box;
    }

    private void show() {
        Integer classId = vm.compareClassProperty().get();
        QueueItem item = vm.currentItemProperty().get();
        examples.getChildren().clear();
        if (classId == null || item == null) {
            current.setImage(null);
            return;
        }
        current.setImage(images.get(item.file()));
        String name = vm.className(classId);
        title.setText(name);
        labelAs.setText("Label as " + vm.session().classes().stream().filter(c -> c.id() == classId)
                .findFirst().map(c -> c.name()).orElse(name) + " (Enter)");
        List<Path> refs = vm.references(classId);
        if (refs.isEmpty()) {
            examples.add(Views.muted("No example images of this class yet."), 0, 0);
            return;
        }
        int cols = refs.size() == 1 ? 1 : 2;
        int rows = (refs.size() + cols - 1) / cols;
        for (int i = 0; i < refs.size(); i++) {
            ImageView v = new ImageView(images.get(refs.get(i)));
            v.getStyleClass().add("compare-example");
            v.setPreserveRatio(true);
            v.setSmooth(true);
            v.fitWidthProperty().bind(half.subtract(GAP * (cols - 1)).divide(cols));
            v.fitHeightProperty().bind(height.subtract(GAP * (rows - 1)).divide(rows));
            examples.add(v, i % cols, i / cols);
        }
    }
}
