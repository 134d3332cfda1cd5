package org.alor.app.retrieval;

import org.alor.app.common.JobProgress;

import org.alor.loop.Project;

/**
 * Retrieves images of the project's classes from its open-data corpus into the session's store (org.alor.retrieval).
 * Called on a background thread; must poll {@link JobProgress#isCancelled()}.
 */
public interface RetrievalRunner {
    /** Returns how many images were kept. */
    int retrieve(Project session, JobProgress progress) throws Exception;
}
