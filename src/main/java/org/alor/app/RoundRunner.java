package org.alor.app;

import org.alor.store.ProjectStore;

/**
 * Runs one active-learning round (adapt, predict, evaluate, select) on a project, writing everything to
 * the store. {@link EngineRoundRunner} runs it with org.alor.loop.RoundEngine. Called on a background thread; must poll {@link JobProgress#isCancelled()}.
 */
public interface RoundRunner {
    /** Returns the index of the round it created. */
    int runRound(ProjectStore store, RoundRequest request, JobProgress progress) throws Exception;

    /** What the Runs form asks for. */
    record RoundRequest(String method, String strategy, int budget, int epochs, int batchSize, String precision) {
    }
}
