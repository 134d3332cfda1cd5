package org.alor.app.retrieval;

import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.alor.loop.Project;

/**
 * Retrieves images of the project's classes from its open-data corpus into the session's store (org.alor.retrieval).
 * Called on a background thread; stops when {@code token} is cancelled.
 */
public interface RetrievalRunner {
    /** Returns how many images were kept. */
    int retrieve(Project session, Progress progress, CancellationToken token) throws Exception;
}
