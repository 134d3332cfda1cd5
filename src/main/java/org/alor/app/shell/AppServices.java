package org.alor.app.shell;

import org.alor.app.label.PredictionSource;
import org.alor.app.retrieval.ProjectRetrievalRunner;
import org.alor.app.retrieval.RetrievalRunner;
import org.alor.app.runs.RoundRunner;
import org.alor.app.start.SampleProjectProvider;

import org.alor.loop.ModelBackend;

import java.util.Optional;

/**
 * What the app needs from the rest of ALOR (engine, retrieval, predictions, sample data, the model backend), built
 * in {@code AlorApp.services()}; tests pass fakes. The shell hands each page its own seam. Retrieval always runs on
 * the project's own corpus and checkpoint; the round engine is optional so that screens can be shown without one.
 */
public record AppServices(SampleProjectProvider sampleProject, PredictionSource predictions,
                          Optional<RoundRunner> rounds, RetrievalRunner retrieval, ModelBackend.Factory backends) {
    public AppServices {
        if (sampleProject == null) sampleProject = SampleProjectProvider.NONE;
        if (predictions == null) predictions = PredictionSource.NONE;
        if (rounds == null) rounds = Optional.empty();
        if (retrieval == null) retrieval = new ProjectRetrievalRunner();
        if (backends == null) backends = ModelBackend.Factory.CLIP;
    }

    /** No sample data, no predictions, no round engine; retrieval on the project's corpus with its CLIP. */
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
        return new AppServices(sampleProject, predictions, rounds, r, backends);
    }

    /** Where jobs get the model (default: the project's CLIP checkpoint); tests pass a fake. */
    public AppServices withBackends(ModelBackend.Factory f) {
        return new AppServices(sampleProject, predictions, rounds, retrieval, f);
    }
}
