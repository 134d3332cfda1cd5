package org.alor.app.label;

import org.alor.app.common.ImageCache;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The current image, large, fitted to the pane. +/− (keys, buttons or the mouse wheel) zoom, "1:1" shows one
 * screen pixel per image pixel, "Fit" returns; dragging pans a zoomed image; a new image starts fitted. Once
 * zoomed, the file is decoded at full resolution (the cache keeps 1024 px). A missing or unreadable file shows
 * a warning instead. The next images of the queue are decoded ahead.
 */
final class ImageViewer {
    private static final int PREFETCH = 3;
    private static final double STEP = 1.25;
    private static final double WHEEL_STEP = 1.15;
    private static final double MAX_FACTOR = 32;
    private final LabelingViewModel vm;
    private final ImageCache images = new ImageCache(1024, 24);
    private final ImageView imageView = new ImageView();
    private final Label imageMessage = new Label();
    /** the shown size in percent of the file's pixels */
    private final Label zoomLevel = new Label();
    private final StackPane pane;
    /** Zoom relative to the fitted size (1 = fit), unless {@link #nativePixels}. */
    private double factor = 1;
    private boolean nativePixels;
    private Image full;
    private double dragX;
    private double dragY;

    ImageViewer(LabelingViewModel vm) {
        this.vm = vm;
        imageView.setPreserveRatio(true);
        imageView.setSmooth(true);
        imageView.setId("current-image");
        imageMessage.getStyleClass().add("image-message");
        imageMessage.setWrapText(true);
        HBox zoomBar = zoomBar();
        pane = new StackPane(imageView, imageMessage, zoomBar);
        StackPane.setAlignment(zoomBar, Pos.TOP_RIGHT);
        pane.getStyleClass().add("image-pane");
        pane.setMinSize(200, 200);
        installMouse();
        imageView.fitWidthProperty().bind(pane.widthProperty().subtract(16));
        imageView.fitHeightProperty().bind(pane.heightProperty().subtract(16));
        imageView.layoutBoundsProperty().addListener((o, a, b) -> apply());
        // nothing to show (round complete, grid, compare): no empty image panel
        pane.visibleProperty().bind(vm.gridProperty().not().and(vm.currentItemProperty().isNotNull())
                .and(vm.compareClassProperty().isNull()));
        vm.currentItemProperty().addListener((o, a, item) -> showCurrent());
        vm.onZoom(this::zoom);
        showCurrent();
    }

    StackPane node() {
        return pane;
    }

    private HBox zoomBar() {
        Button out = zoomButton("−", "zoom-out", "Zoom out (−)", LabelCommand.Kind.ZOOM_OUT);
        Button in = zoomButton("+", "zoom-in", "Zoom in (+ or the mouse wheel)", LabelCommand.Kind.ZOOM_IN);
        Button one = zoomButton("1:1", "zoom-native", "Full resolution: one screen pixel per image pixel (Ctrl+1)", LabelCommand.Kind.ZOOM_NATIVE);
        Button fit = zoomButton("Fit", "zoom-fit", "Fit the image to the pane (0)", LabelCommand.Kind.ZOOM_FIT);
        zoomLevel.setId("zoom-level");
        zoomLevel.getStyleClass().add("zoom-level");
        zoomLevel.setMinWidth(44);
        zoomLevel.setAlignment(Pos.CENTER);
        HBox bar = new HBox(4, out, zoomLevel, in, one, fit);
        bar.setAlignment(Pos.CENTER);
        bar.getStyleClass().add("zoom-bar");
        bar.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        return bar;
    }

    private Button zoomButton(String text, String id, String tip, LabelCommand.Kind kind) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> zoom(kind));
        return b;
    }

    private void zoom(LabelCommand.Kind kind) {
        switch (kind) {
            case ZOOM_IN -> setFactor(currentFactor() * STEP);
            case ZOOM_OUT -> setFactor(currentFactor() / STEP);
            case ZOOM_FIT -> setFactor(1);
            case ZOOM_NATIVE -> {
                nativePixels = true;
                loadFull();
                apply();
            }
            default -> { }
        }
    }

    private double currentFactor() {
        return nativePixels ? imageView.getScaleX() : factor;
    }

    private void setFactor(double f) {
        nativePixels = false;
        factor = Math.max(1, Math.min(MAX_FACTOR, f));
        if (factor > 1) loadFull();
        apply();
    }

    private void apply() {
        double fitted = imageView.getLayoutBounds().getWidth();
        double s = factor;
        if (nativePixels && fitted > 0) s = nativeWidth() / fitted;
        imageView.setScaleX(s);
        imageView.setScaleY(s);
        // far past the file's own pixels, crisp pixels show more than a blur does
        imageView.setSmooth(fitted <= 0 || nativeWidth() <= 0 || s * fitted / nativeWidth() < 2);
        if (!nativePixels && factor == 1) {
            imageView.setTranslateX(0);
            imageView.setTranslateY(0);
        }
        zoomLevel.setText(nativePixels ? "100%"
                : fitted > 0 && nativeWidth() > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * s * fitted / nativeWidth()) : "");
    }

    /** The file's width in pixels: from the full-resolution decode once there, else what the cache decoded or the store says. */
    private double nativeWidth() {
        if (full != null && full.getProgress() == 1 && !full.isError()) return full.getWidth();
        QueueItem item = vm.currentItemProperty().get();
        Image shown = imageView.getImage();
        boolean cacheDownscaled = shown != null && Math.max(shown.getWidth(), shown.getHeight()) >= 1024;
        if (item != null && item.sample().width() > 0 && cacheDownscaled) return item.sample().width();
        return shown == null ? 0 : shown.getWidth();
    }

    /** Decodes the current file at full resolution in the background, then shows it in place of the cached one. */
    private void loadFull() {
        QueueItem item = vm.currentItemProperty().get();
        if (item == null || full != null) return;
        Image img = new Image(item.file().toUri().toString(), true);
        full = img;
        img.progressProperty().addListener((o, a, p) -> {
            if (p.doubleValue() < 1 || img.isError() || full != img) return;
            imageView.setImage(img);
            apply();
        });
    }

    private void installMouse() {
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(pane.widthProperty());
        clip.heightProperty().bind(pane.heightProperty());
        pane.setClip(clip);
        pane.setOnScroll(e -> {
            if (e.getDeltaY() == 0) return;
            double before = imageView.getScaleX();
            setFactor(currentFactor() * (e.getDeltaY() > 0 ? WHEEL_STEP : 1 / WHEEL_STEP));
            keepUnderPointer(e.getX(), e.getY(), imageView.getScaleX() / before);
            e.consume();
        });
        pane.setOnMousePressed(e -> {
            dragX = e.getSceneX() - imageView.getTranslateX();
            dragY = e.getSceneY() - imageView.getTranslateY();
        });
        pane.setOnMouseDragged(e -> {
            if (!nativePixels && factor == 1) return;
            imageView.setTranslateX(e.getSceneX() - dragX);
            imageView.setTranslateY(e.getSceneY() - dragY);
        });
    }

    /** The wheel zooms about the pointer: the image point under it stays there (the view scales about its centre). */
    private void keepUnderPointer(double x, double y, double ratio) {
        if (!nativePixels && factor == 1) return;
        double dx = x - (pane.getWidth() / 2 + imageView.getTranslateX());
        double dy = y - (pane.getHeight() / 2 + imageView.getTranslateY());
        imageView.setTranslateX(imageView.getTranslateX() + dx * (1 - ratio));
        imageView.setTranslateY(imageView.getTranslateY() + dy * (1 - ratio));
    }

    private void showCurrent() {
        full = null;
        nativePixels = false;
        factor = 1;
        QueueItem item = vm.currentItemProperty().get();
        if (item == null) {
            imageView.setImage(null);
            imageMessage.setText("");
            apply();
            return;
        }
        Image img = images.get(item.file());
        imageView.setImage(img);
        apply();
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
