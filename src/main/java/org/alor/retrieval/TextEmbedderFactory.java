package org.alor.retrieval;

import org.alor.store.ProjectStore;

import java.util.Optional;

/** Supplies the CLIP text encoder of a project for ranking, when a checkpoint is available. */
@FunctionalInterface
public interface TextEmbedderFactory {
    TextEmbedderFactory NONE = store -> Optional.empty();

    Optional<TextEmbedder> create(ProjectStore store) throws Exception;
}
