package org.alor.app.label;

import org.alor.app.common.ImageCache;

import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

import java.nio.file.Path;

/** The small images of the labeling screen (suggestion references, film strip, grid), decoded once and shared. */
final class Thumbnails {
    // the picker may show 4 references for each of 200 classes; 128 px images are small
    private final ImageCache thumbs = new ImageCache(128, 900);

    Image get(Path file) {
        return thumbs.get(file);
    }

    /**
     * A framed thumbnail that a list cell keeps and refills ({@link Slot#show}), so scrolling a long list builds
     * no nodes: the frame, its image view and its tooltip are made once.
     */
    Slot slot(int size, int hoverSize, String imageStyle) {
        return new Slot(size, hoverSize, imageStyle);
    }

    final class Slot {
        private final ImageView view = new ImageView();
        private final ImageView big = new ImageView();
        private final Tooltip tip = new Tooltip();
        private final StackPane frame = new StackPane(view);

        private Slot(int size, int hoverSize, String imageStyle) {
            view.setFitWidth(size);
            view.setFitHeight(size);
            view.setPreserveRatio(true);
            view.getStyleClass().add(imageStyle);
            frame.setPrefSize(size, size);
            frame.setMinSize(size, size);
            frame.getStyleClass().add("thumb");
            big.setFitWidth(hoverSize);
            big.setFitHeight(hoverSize);
            big.setPreserveRatio(true);
            tip.setGraphic(big);
            tip.setShowDelay(javafx.util.Duration.millis(200));
            Tooltip.install(frame, tip);
        }

        Node node() {
            return frame;
        }

        void show(Path file) {
            Image img = thumbs.get(file);
            view.setImage(img);
            big.setImage(img);
            tip.setText(file.getFileName().toString());
        }
    }

    /** A framed thumbnail of {@code size} that shows the image at {@code hoverSize} in a tooltip. */
    Node framed(Path file, int size, int hoverSize) {
        return framed(file, size, hoverSize, "thumb-image");
    }

    /** As {@link #framed(Path, int, int)}, the image view carrying {@code imageStyle}. */
    Node framed(Path file, int size, int hoverSize, String imageStyle) {
        ImageView v = new ImageView(thumbs.get(file));
        v.getStyleClass().add(imageStyle);
        v.setFitWidth(size);
        v.setFitHeight(size);
        v.setPreserveRatio(true);
        StackPane frame = new StackPane(v);
        frame.setPrefSize(size, size);
        frame.setMinSize(size, size);
        frame.getStyleClass().add("thumb");
        ImageView big = new ImageView(thumbs.get(file));
        big.setFitWidth(hoverSize);
        big.setFitHeight(hoverSize);
        big.setPreserveRatio(true);
        Tooltip tip = new Tooltip(file.getFileName().toString());
        tip.setGraphic(big);
        tip.setShowDelay(javafx.util.Duration.millis(200));
        Tooltip.install(frame, tip);
        return frame;
    }
}
