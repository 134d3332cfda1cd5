package org.alor.app.runs;

import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.alor.loop.Project;
import org.alor.loop.RoundSpec;
import org.alor.store.ProjectStore;

/**
 * Runs one active-learning round (adapt, predict, evaluate, select) in a project session, writing everything to
 * its store. Called on a background thread; stops when {@code token} is cancelled.
 */
public interface RoundRunner {
    /** Returns the index of the round it created. */
    int runRound(Project session, RoundSpec spec, Progress progress, CancellationToken token) throws Exception;

    /**
     * The spec a run with {@code chosen} starts the next round with (the engine's runner uses zero-shot for a round 0
     * with nothing to train on); what the Runs page compares with a round stopped before its picks.
     */
    default RoundSpec nextRoundSpec(ProjectStore store, RoundSpec chosen) {
        return chosen;
    }
}
