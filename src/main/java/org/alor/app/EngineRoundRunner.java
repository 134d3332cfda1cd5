package org.alor.app;

import org.alor.loop.CancellationToken;
import org.alor.loop.LabelsPendingException;
import org.alor.loop.ModelBackend;
import org.alor.loop.Round0Mode;
import org.alor.loop.RoundEngine;
import org.alor.loop.RoundResult;
import org.alor.loop.RunConfig;
import org.alor.loop.Selectors;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;

import java.util.Locale;
import java.util.Optional;

/**
 * Runs rounds for a person labeling in the app: round 0 trains on the retrieved images (plus labels already
 * given), each round stops after selection so the Label page can show the picks, and starting the next round
 * first closes the labeling round with the answers the person gave (unanswered picks stay unlabeled).
 */
final class EngineRoundRunner implements RoundRunner {
    @Override
    public int runRound(ProjectStore store, RoundRequest request, JobProgress progress) throws Exception {
        String method = firstRoundMethod(store, engineMethod(request.method()), progress);
        CancellationToken token = new CancellationToken();
        Optional<RoundRecord> waiting = store.rounds().stream().filter(r -> r.status() == RoundStatus.LABELING).findFirst();
        if (waiting.isPresent()) {
            progress.update("Closing round " + waiting.get().index() + " with the labels given", -1);
            engine(store, waiting.get().method(), waiting.get().strategy(), request, progress, token,
                    (s, round, pending, t) -> { }).runNextRound();
        }
        String strategy = request.strategy().toLowerCase(Locale.ROOT);
        // a round interrupted (cancelled, crashed) before selection is continued as it was started
        Optional<RoundRecord> unfinished = store.rounds().stream()
                .filter(r -> r.status() != RoundStatus.DONE && r.status() != RoundStatus.LABELING).findFirst();
        if (unfinished.isPresent()) {
            method = unfinished.get().method();
            strategy = unfinished.get().strategy();
            progress.update("Continuing round " + unfinished.get().index(), -1);
        }
        RoundEngine engine = engine(store, method, strategy, request, progress, token,
                (s, round, pending, t) -> {
                    throw new LabelsPendingException(round, pending.size());
                });
        try {
            RoundResult result = engine.runNextRound();
            return result.round();
        } catch (LabelsPendingException e) {
            return e.round();
        }
    }

    private static RoundEngine engine(ProjectStore store, String method, String strategy, RoundRequest request,
                                      JobProgress progress, CancellationToken token, org.alor.loop.Labeler labeler) {
        RunConfig config = RunConfig.fromSettings(store.settings(), method, strategy)
                .withBudget(request.budget()).withEpochs(request.epochs()).withBatchSize(request.batchSize())
                .withRound0(Round0Mode.RETRIEVED_ONLY);
        ModelBackend backend = ModelBackend.current();
        return new RoundEngine(store, config, backend.featureSource(store), backend.textEncoder(store),
                Selectors.byName(strategy), labeler)
                .withBackend(backend)
                .withCancellation(token)
                .withProgress(new LiveProgress(progress, token));
    }

    /**
     * A person's round 0 trains on retrieved images only (Round0Mode.RETRIEVED_ONLY). Before retrieval has run
     * there is nothing to train on, so round 0 uses the zero-shot model (which needs no training data) to rank
     * the first picks; the chosen method applies from round 1 on, once there are labels (and retrieved images,
     * after Retrieval → Run retrieval). Running retrieval first would make a first-time user wait about a minute
     * before seeing anything.
     */
    static String firstRoundMethod(ProjectStore store, String method, JobProgress progress) {
        if (!store.rounds().isEmpty() || method.equals("zeroshot")) return method;
        boolean nothingToTrainOn = store.samples(org.alor.data.Split.RETRIEVED).isEmpty()
                && store.currentLabels().values().stream().noneMatch(org.alor.store.LabelState::isLabeled);
        if (!nothingToTrainOn) return method;
        progress.update("No retrieved images or labels yet: round 0 uses the zero-shot model", -1);
        return "zeroshot";
    }

    /** The Runs form says ZS/LP/FT/CT/PT; the engine's method names are zeroshot, lp, ft, ct, pt. */
    static String engineMethod(String shown) {
        String m = shown.trim().toLowerCase(Locale.ROOT);
        return m.equals("zs") ? "zeroshot" : m;
    }

    /** Engine progress → the status bar and the Runs page's live loss and validation-accuracy curves. */
    static final class LiveProgress implements org.alor.loop.ProgressListener {
        private final JobProgress progress;
        private final CancellationToken token;

        LiveProgress(JobProgress progress, CancellationToken token) {
            this.progress = progress;
            this.token = token;
        }

        @Override
        public void progress(String phase, long done, long total, String message) {
            if (progress.isCancelled()) token.cancel();
            double fraction = total > 0 ? (double) done / total : -1;
            progress.update(phase + (message == null || message.isBlank() ? "" : ": " + message), fraction);
        }

        @Override
        public void trainingStep(int epoch, int step, int steps, double loss, double imagesPerSecond) {
            progress.metric("train loss", (epoch - 1) + (double) step / Math.max(1, steps), loss);
        }

        @Override
        public void epochScore(int epoch, double valAccuracy) {
            if (!Double.isNaN(valAccuracy)) progress.metric("val accuracy", epoch, valAccuracy);
        }
    }
}
