package org.alor.loop;

import org.alor.job.CancellationToken;
import org.alor.store.ProjectStore;

import java.util.List;

/** Who answers the engine's label requests: the oracle of a simulation or a person through the app. */
public interface Labeler {
    /**
     * Obtains an answer (label, unsure or skip) for the requests and writes each to {@code store} as a label event
     * with {@code round}. The engine passes only requests that have no answer yet (after a crash, the remaining
     * ones). Returns when labeling of the round is complete.
     *
     * @throws java.util.concurrent.CancellationException when {@code token} is cancelled while waiting
     */
    void label(ProjectStore store, int round, List<LabelRequest> requests, CancellationToken token)
            throws InterruptedException;
}
