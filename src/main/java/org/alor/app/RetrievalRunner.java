package org.alor.app;

import org.alor.store.ProjectStore;

/**
 * Retrieves images of the project's classes from its open-data corpus into the store (org.alor.retrieval).
 * Called on a background thread; must poll {@link JobProgress#isCancelled()}.
 */
public interface RetrievalRunner {
    /** Returns how many images were kept. */
    int retrieve(ProjectStore store, JobProgress progress) throws Exception;
}
