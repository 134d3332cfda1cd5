package org.alor.app;

import org.alor.loop.ModelBackend;

import java.util.Optional;

/**
 * The seams the app needs from the rest of ALOR (engine, retrieval, predictions, sample data, the model backend).
 * Each but the backend is optional; views show what is missing instead of failing. {@link AlorApp#services()} builds
 * the wired instance; tests pass fakes.
 */
public record AppServices(SampleProjectProvider sampleProject, PredictionSource predictions,
                          Optional<RoundRunner> rounds, Optional<RetrievalRunner> retrieval,
                          ModelBackend.Factory backends) {
    public AppServices {
        if (sampleProject == null) sampleProject = SampleProjectProvider.NONE;
        if (predictions == null) predictions = PredictionSource.NONE;
        if (rounds == null) rounds = Optional.empty();
        if (retrieval == null) retrieval = Optional.empty();
        if (backends == null) backends = ModelBackend.Factory.CLIP;
    }

    /** Nothing wired: the store-only app (with the project's CLIP as backend, should a job need one). */
    public static AppServices none() {
        return new AppServices(null, null, null, null, null);
    }

    public AppServices withSampleProject(SampleProjectProvider p) {
        return new AppServices(p, predictions, rounds, retrieval, backends);
    }

    public AppServices withPredictions(PredictionSource p) {
        return new AppServices(sampleProject, p, rounds, retrieval, backends);
    }

    public AppServices withRounds(RoundRunner r) {
        return new AppServices(sampleProject, predictions, Optional.ofNullable(r), retrieval, backends);
    }

    public AppServices withRetrieval(RetrievalRunner r) {
        return new AppServices(sampleProject, predictions, rounds, Optional.ofNullable(r), backends);
    }

    /** Where jobs get the model (default: the project's CLIP checkpoint); tests pass a fake. */
    public AppServices withBackends(ModelBackend.Factory f) {
        return new AppServices(sampleProject, predictions, rounds, retrieval, f);
    }
}
