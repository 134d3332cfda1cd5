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

    /**
     * All records of the corpus in shard order, read lazily one shard at a time (a shard's records are held while
     * it is consumed). Damaged members go to {@code warnings}; an unreadable shard ends the stream with an
     * {@link java.io.UncheckedIOException}.
     */
    default java.util.stream.Stream<CaptionRecord> records(Consumer<String> warnings) throws IOException {
        return shards().stream().flatMap(shard -> {
            List<CaptionRecord> out = new java.util.ArrayList<>();
            try {
                scan(shard, out::add, warnings);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.stream();
        });
    }

    /**
     * Streams only the records whose caption passes {@code filter} (a non-empty result), with that result. The
     * filter sees every caption of the shard, in order. The default scans full records; a table reader overrides
     * it to fetch keys and URLs for the matching rows only (most rows never leave the database).
     */
    default void scanMatching(String shard, CaptionFilter filter, MatchSink sink, Consumer<String> warnings) throws IOException {
        scan(shard, rec -> {
            int[] refs = filter.test(rec.caption());
            if (refs.length > 0) sink.accept(rec, refs);
        }, warnings);
    }

    /** Tests one caption; an empty array means no match. */
    @FunctionalInterface
    interface CaptionFilter {
        int[] test(String caption);
    }

    /** Receives a matching record and the filter's result for it. */
    @FunctionalInterface
    interface MatchSink {
        void accept(CaptionRecord record, int[] refs);
    }

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
