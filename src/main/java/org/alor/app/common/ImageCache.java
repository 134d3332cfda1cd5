package org.alor.app.common;

import javafx.scene.image.Image;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded images, least recently used evicted. Images load in the background (JavaFX background
 * loading), so asking for the next images ahead of time prefetches them; a missing or corrupt file
 * yields an image whose {@link Image#isError()} turns true.
 */
public final class ImageCache {
    private final int size;
    private final int capacity;
    private final Map<Path, Image> images;

    /** @param size the longest side images are decoded to */
    public ImageCache(int size, int capacity) {
        this.size = size;
        this.capacity = capacity;
        this.images = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Image> e) {
                return size() > ImageCache.this.capacity;
            }
        };
    }

    public Image get(Path file) {
        return images.computeIfAbsent(file, f -> new Image(f.toUri().toString(), size, size, true, true, true));
    }

    public void prefetch(Iterable<Path> files) {
        for (Path f : files) get(f);
    }

    /**
     * Stops decoding {@code file} if it is still loading and forgets it: a cell scrolled past a thumbnail
     * should not leave it queued ahead of the ones now visible.
     */
    public void cancelIfLoading(Path file) {
        Image image = images.get(file);
        if (image != null && image.getProgress() < 1 && !image.isError()) {
            image.cancel();
            images.remove(file);
        }
    }
}
