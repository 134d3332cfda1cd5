package org.alor.app;

import java.util.Optional;

/**
 * What the app needs from the rest of ALOR (engine, retrieval, predictions, sample data), built in
 * {@link AlorApp#services()}. Retrieval always runs on the project's own corpus and checkpoint; the round engine
 * is optional so that screens can be shown without one.
 */
public record AppServices(SampleProjectProvider sampleProject, PredictionSource predictions,
                          Optional<RoundRunner> rounds, RetrievalRunner retrieval) {
    public AppServices {
        if (sampleProject == null) sampleProject = SampleProjectProvider.NONE;
        if (predictions == null) predictions = PredictionSource.NONE;
        if (rounds == null) rounds = Optional.empty();
        if (retrieval == null) retrieval = new ProjectRetrievalRunner();
    }

    /** No sample data, no predictions, no round engine; retrieval on the project's corpus. */
    public static AppServices none() {
        return new AppServices(null, null, null, null);
    }

    public AppServices withSampleProject(SampleProjectProvider p) {
        return new AppServices(p, predictions, rounds, retrieval);
    }

    public AppServices withPredictions(PredictionSource p) {
        return new AppServices(sampleProject, p, rounds, retrieval);
    }

    public AppServices withRounds(RoundRunner r) {
        return new AppServices(sampleProject, predictions, Optional.ofNullable(r), retrieval);
    }

    public AppServices withRetrieval(RetrievalRunner r) {
        return new AppServices(sampleProject, predictions, rounds, r);
    }
}
