package org.alor.app;

import java.util.Optional;

/**
 * The seams the app needs from the rest of ALOR (engine, retrieval, predictions, sample data). Each is
 * optional; views show what is missing instead of failing. The lead builds the wired instance in
 * {@link AlorApp#services()}.
 */
public record AppServices(SampleProjectProvider sampleProject, PredictionSource predictions,
                          Optional<RoundRunner> rounds, Optional<RetrievalRunner> retrieval) {
    public AppServices {
        if (sampleProject == null) sampleProject = SampleProjectProvider.NONE;
        if (predictions == null) predictions = PredictionSource.NONE;
        if (rounds == null) rounds = Optional.empty();
        if (retrieval == null) retrieval = Optional.empty();
    }

    /** Nothing wired: the store-only app. */
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
        return new AppServices(sampleProject, predictions, rounds, Optional.ofNullable(r));
    }
}
