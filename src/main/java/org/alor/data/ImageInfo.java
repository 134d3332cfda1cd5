package org.alor.data;

/** What the importer learns about one readable image. */
public record ImageInfo(int width, int height, String contentHash) {
}
