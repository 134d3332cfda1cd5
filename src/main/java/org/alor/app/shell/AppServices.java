package org.alor.app.shell;

import org.alor.app.label.PredictionSource;
import org.alor.app.retrieval.ProjectRetrievalRunner;
import org.alor.app.retrieval.RetrievalRunner;
import org.alor.app.runs.EngineRoundRunner;
import org.alor.app.runs.RoundRunner;
import org.alor.app.start.SampleProjectProvider;
import org.alor.loop.ModelBackend;

/**
 * What the app needs from the rest of ALOR (engine, retrieval, predictions, sample data, the model backend), built
 * in {@code AlorApp.services()}; tests pass fakes. The shell hands each page its own seam. Rounds and retrieval run on
 * the project's own checkpoint and corpus unless a test passes fakes.
 */
public record AppServices(SampleProjectProvider sampleProject, PredictionSource predictions,
                          RoundRunner rounds, RetrievalRunner retrieval, ModelBackend.Factory backends) {
    public AppServices {
        if (sampleProject == null) sampleProject = SampleProjectProvider.NONE;
        if (predictions == null) predictions = PredictionSource.NONE;
        if (rounds == null) rounds = new EngineRoundRunner();
        if (retrieval == null) retrieval = new ProjectRetrievalRunner();
        if (backends == null) backends = ModelBackend.Factory.CLIP;
    }

    /** No sample data, no predictions; rounds and retrieval on the project's own CLIP and corpus. */
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
        return new AppServices(sampleProject, predictions, r, retrieval, backends);
    }

    public AppServices withRetrieval(RetrievalRunner r) {
        return new AppServices(sampleProject, predictions, rounds, r, backends);
    }

    /** Where jobs get the model (default: the project's CLIP checkpoint); tests pass a fake. */
    public AppServices withBackends(ModelBackend.Factory f) {
        return new AppServices(sampleProject, predictions, rounds, retrieval, f);
    }
}
