package org.alor.app.label;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The labeling screen's top line: the round and its progress, an optional round chooser, the review toggle. */
final class LabelingHeader {
    private final HBox box;

    /**
     * @param roundChooser shown before the progress (e.g. to switch rounds), may be null
     * @param refocus      gives the keyboard focus back to the labeling screen after the toggle
     */
    LabelingHeader(LabelingViewModel vm, Node roundChooser, Runnable refocus) {
        Label header = new Label();
        header.setId("labeling-header");
        header.getStyleClass().add("labeling-header");
        header.textProperty().bind(vm.headerProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToggleButton review = new ToggleButton("Review unsure");
        review.setId("review-toggle");
        review.setFocusTraversable(false);
        review.setOnAction(e -> {
            vm.setReview(review.isSelected());
            refocus.run();
        });
        // review ends by itself with the last unsure image
        vm.reviewProperty().addListener((o, a, on) -> review.setSelected(on));
        Label progress = new Label();
        progress.setId("labeling-progress");
        progress.textProperty().bind(vm.progressProperty());
        box = new HBox(12, header, spacer, progress, review);
        if (roundChooser != null) box.getChildren().add(2, roundChooser);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(12, 16, 8, 16));
    }

    Node node() {
        return box;
    }
}
