package org.alor.app.label;

import org.alor.app.common.ImageCache;

import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

import java.nio.file.Path;

/**
 * The current image, large: scroll zooms (1×–8×), dragging pans, a new image starts unzoomed; a missing
 * or unreadable file shows a warning instead. The next images of the queue are decoded ahead.
 */
final class ImageViewer {
    private static final int PREFETCH = 3;
    private final LabelingViewModel vm;
    private final ImageCache images = new ImageCache(1024, 24);
    private final ImageView imageView = new ImageView();
    private final Label imageMessage = new Label();
    private final StackPane pane = new StackPane(imageView, imageMessage);
    private double dragX;
    private double dragY;

    ImageViewer(LabelingViewModel vm) {
        this.vm = vm;
        imageView.setPreserveRatio(true);
        imageView.setSmooth(true);
        imageView.setId("current-image");
        imageMessage.getStyleClass().add("image-message");
        imageMessage.setWrapText(true);
        pane.getStyleClass().add("image-pane");
        pane.setMinSize(200, 200);
        installZoom();
        imageView.fitWidthProperty().bind(pane.widthProperty().subtract(16));
        imageView.fitHeightProperty().bind(pane.heightProperty().subtract(16));
        // nothing to show (round complete): no empty image panel
        pane.visibleProperty().bind(vm.gridProperty().not().and(vm.currentItemProperty().isNotNull()));
        vm.currentItemProperty().addListener((o, a, item) -> showCurrent());
        showCurrent();
    }

    StackPane node() {
        return pane;
    }

    private void installZoom() {
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(pane.widthProperty());
        clip.heightProperty().bind(pane.heightProperty());
        pane.setClip(clip);
        pane.setOnScroll(e -> {
            double factor = e.getDeltaY() > 0 ? 1.15 : 1 / 1.15;
            double s = Math.max(1, Math.min(8, imageView.getScaleX() * factor));
            imageView.setScaleX(s);
            imageView.setScaleY(s);
            if (s == 1) resetZoom();
            e.consume();
        });
        pane.setOnMousePressed(e -> {
            dragX = e.getSceneX() - imageView.getTranslateX();
            dragY = e.getSceneY() - imageView.getTranslateY();
        });
        pane.setOnMouseDragged(e -> {
            if (imageView.getScaleX() <= 1) return;
            imageView.setTranslateX(e.getSceneX() - dragX);
            imageView.setTranslateY(e.getSceneY() - dragY);
        });
    }

    private void resetZoom() {
        imageView.setScaleX(1);
        imageView.setScaleY(1);
        imageView.setTranslateX(0);
        imageView.setTranslateY(0);
    }

    private void showCurrent() {
        QueueItem item = vm.currentItemProperty().get();
        if (item == null) {
            imageView.setImage(null);
            imageMessage.setText("");
            return;
        }
        Image img = images.get(item.file());
        resetZoom();
        imageView.setImage(img);
        updateMessage(img, item.file());
        img.errorProperty().addListener((o, a, err) -> {
            if (vm.currentItemProperty().get() == item) updateMessage(img, item.file());
        });
        images.prefetch(vm.prefetch(PREFETCH));
    }

    private void updateMessage(Image img, Path file) {
        if (img.isError()) {
            imageView.setImage(null);
            imageMessage.setText("⚠ Cannot show " + file.getFileName() + " (missing or not an image).\n"
                    + "Label it from the suggestions anyway, skip (Ctrl+S) or mark unsure (Ctrl+U).");
            imageMessage.getStyleClass().setAll("label", "image-message", "warning");
        } else {
            imageMessage.setText("");
        }
    }
}
