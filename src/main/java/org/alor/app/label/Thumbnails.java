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
