package org.alor.retrieval;

/**
 * One image–caption pair of an open corpus.
 *
 * @param key     stable identifier within the corpus (webdataset key, img2dataset key, SAMPLE_ID, CSV key)
 * @param caption the caption text (never null; may be empty)
 * @param url     where the image came from, or null when unknown
 * @param shard   the shard (tar file, folder or table file) holding the record
 */
public record CaptionRecord(String key, String caption, String url, String shard) {
    public CaptionRecord {
        if (key == null) throw new IllegalArgumentException("record without key");
        if (caption == null) caption = "";
    }
}
