package org.alor.retrieval;

/**
 * Column names of a metadata table. {@code key} may be null: the key is then the row number within the shard.
 */
public record TableColumns(String key, String caption, String url) {
    /** LAION's parquet metadata. */
    public static final TableColumns LAION = new TableColumns("SAMPLE_ID", "TEXT", "URL");
    /** The synthetic corpus' {@code metadata.csv} and our own default. */
    public static final TableColumns PLAIN = new TableColumns("key", "caption", "url");
}
