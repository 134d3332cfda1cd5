package org.alor.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An open corpus of captioned images, read shard by shard so that a scan can run shards in parallel and resume
 * after the last finished shard. Records of a shard always come in the same order.
 */
public interface CorpusReader {
    /** A short name for provenance, e.g. the corpus folder name. */
    String name();

    /** The shards in a stable order. */
    List<String> shards() throws IOException;

    /**
     * Streams the caption records of one shard. Damaged members (truncated, wrong encoding) are skipped and
     * reported to {@code warnings} naming the shard and the member.
     */
    void scan(String shard, Consumer<CaptionRecord> records, Consumer<String> warnings) throws IOException;

    /** Whether {@link #openImage} can return image bytes (tar shards, img2dataset folders); tables hold URLs only. */
    boolean holdsImages();

    /** The image bytes of a record, or empty when the corpus holds no image for it. */
    Optional<InputStream> openImage(String shard, String key) throws IOException;

    /**
     * Calls {@code sink} with the image bytes of each wanted key of one shard. The default opens images one by
     * one; tar shards override it with a single pass over the shard.
     */
    default void readImages(String shard, Set<String> keys, ImageSink sink) throws IOException {
        for (String key : keys) {
            Optional<InputStream> in = openImage(shard, key);
            if (in.isEmpty()) continue;
            try (InputStream s = in.get()) {
                sink.accept(key, s.readAllBytes());
            }
        }
    }

    /** Receives one image of a shard. */
    @FunctionalInterface
    interface ImageSink {
        void accept(String key, byte[] bytes) throws IOException;
    }
}
