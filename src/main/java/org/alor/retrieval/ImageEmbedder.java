package org.alor.retrieval;

import java.nio.file.Path;
import java.util.List;

/** Encodes image files with the CLIP image tower (one row per file; need not be normalised). */
@FunctionalInterface
public interface ImageEmbedder {
    float[][] embed(List<Path> images);
}
