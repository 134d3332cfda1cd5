package org.alor.retrieval;

import java.nio.file.Path;

/** An image written to the retrieval cache: file, pixel size after resizing, SHA-256 of the file. */
public record SavedImage(Path file, int width, int height, String sha256) {
}
