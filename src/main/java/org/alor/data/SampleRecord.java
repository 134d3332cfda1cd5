package org.alor.data;

/**
 * One image of a project, as imported (not yet stored).
 *
 * @param path        path relative to the dataset root, with '/' separators
 * @param split       pool, val, test or retrieved
 * @param trueLabel   the class id if known (val/test, simulation pools), else {@code null}
 * @param width       pixel width
 * @param height      pixel height
 * @param contentHash hex SHA-256 of the file's bytes
 */
public record SampleRecord(String path, Split split, Integer trueLabel, int width, int height, String contentHash) {
}
