package org.alor.app.runs;

import org.alor.app.common.JobProgress;

import org.alor.loop.Project;
import org.alor.loop.RoundSpec;

/**
 * Runs one active-learning round (adapt, predict, evaluate, select) in a project session, writing everything to
 * its store. Called on a background thread; must poll {@link JobProgress#isCancelled()}.
 */
public interface RoundRunner {
    /** Returns the index of the round it created. */
    int runRound(Project session, RoundSpec spec, JobProgress progress) throws Exception;
}
