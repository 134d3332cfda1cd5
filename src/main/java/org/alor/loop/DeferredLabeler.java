package org.alor.loop;

import org.alor.job.CancellationToken;
import org.alor.store.ProjectStore;

import java.util.List;

/**
 * For non-interactive runs (the CLI without {@code --oracle}): leaves the round waiting in LABELING and stops the
 * engine with {@link LabelsPendingException}; once a person has labeled the images (in the app), running the
 * engine again finishes the round.
 */
public final class DeferredLabeler implements Labeler {
    @Override
    public void label(ProjectStore store, int round, List<LabelRequest> requests, CancellationToken token) {
        throw new LabelsPendingException(round, requests.size());
    }
}
