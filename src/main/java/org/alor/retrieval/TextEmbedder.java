package org.alor.retrieval;

import java.util.List;

/** Encodes texts with the CLIP text tower (one row per text; need not be normalised). */
@FunctionalInterface
public interface TextEmbedder {
    float[][] embed(List<String> texts);
}
