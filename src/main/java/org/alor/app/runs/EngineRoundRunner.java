package org.alor.app.runs;

import org.alor.app.common.JobProgress;

import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.alor.loop.LabelsPendingException;
import org.alor.loop.Method;
import org.alor.job.Phase;
import org.alor.loop.Project;
import org.alor.loop.RoundSpec;
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
public final class EngineRoundRunner implements RoundRunner {
    @Override
    public int runRound(Project session, RoundSpec spec, JobProgress progress) throws Exception {
        ProjectStore store = session.store();
        // the engine sees a cancel of the app's task at its next check (e.g. before the next training step)
        CancellationToken token = CancellationToken.following(progress::isCancelled);
        LiveProgress live = new LiveProgress(progress);
        Optional<RoundRecord> waiting = store.rounds().stream().filter(r -> r.status() == RoundStatus.LABELING).findFirst();
        if (waiting.isPresent()) {
            progress.update("Closing round " + waiting.get().index() + " with the labels given", -1);
            session.runRound(asStored(spec, waiting.get()), (s, round, pending, t) -> { }, live, token);
        }
        RoundSpec next = firstRoundSpec(store, spec, progress);
        // a round interrupted (cancelled, crashed) before selection is continued as it was started
        Optional<RoundRecord> unfinished = store.rounds().stream()
                .filter(r -> r.status() != RoundStatus.DONE && r.status() != RoundStatus.LABELING).findFirst();
        if (unfinished.isPresent()) {
            next = asStored(spec, unfinished.get());
            progress.update("Continuing round " + unfinished.get().index(), -1);
        }
        try {
            return session.runRound(next, (s, round, pending, t) -> {
                throw new LabelsPendingException(round, pending.size());
            }, live, token).round();
        } catch (LabelsPendingException e) {
            return e.round();
        }
    }

    /** The spec with the method and strategy a stored round was started with. */
    private static RoundSpec asStored(RoundSpec spec, RoundRecord rec) {
        return spec.toBuilder(Method.parse(rec.method()), rec.strategy()).build();
    }

    /**
     * A person's round 0 trains on retrieved images only (Round0Mode.RETRIEVED_ONLY). Before retrieval has run
     * there is nothing to train on, so round 0 uses the zero-shot model (which needs no training data) to rank
     * the first picks; the chosen method applies from round 1 on, once there are labels (and retrieved images,
     * after Retrieval → Run retrieval). Running retrieval first would make a first-time user wait about a minute
     * before seeing anything.
     */
    static RoundSpec firstRoundSpec(ProjectStore store, RoundSpec spec, JobProgress progress) {
        if (!store.rounds().isEmpty() || spec.method() == Method.ZS) return spec;
        boolean nothingToTrainOn = store.samples(org.alor.data.Split.RETRIEVED).isEmpty()
                && store.currentLabels().values().stream().noneMatch(org.alor.store.LabelState::isLabeled);
        if (!nothingToTrainOn) return spec;
        progress.update("No retrieved images or labels yet: round 0 uses the zero-shot model", -1);
        return spec.toBuilder(Method.ZS, spec.strategy()).build();
    }

    /** Engine progress → the status bar and the Runs page's live loss and validation-accuracy curves. */
    static final class LiveProgress implements Progress {
        private final JobProgress progress;

        LiveProgress(JobProgress progress) {
            this.progress = progress;
        }

        @Override
        public void phase(Phase phase, long done, long total, String message) {
            double fraction = total > 0 ? (double) done / total : -1;
            progress.update(phase.label() + (message == null || message.isBlank() ? "" : ": " + message), fraction);
        }

        @Override
        public void step(int epoch, int epochs, int step, int steps, double loss, double imagesPerSecond,
                         double etaSeconds) {
            progress.metric("train loss", (epoch - 1) + (double) step / Math.max(1, steps), loss);
            progress.update(String.format(Locale.ROOT, "training: epoch %d/%d step %d/%d: loss %.4f, %.1f images/s, ETA %.0f s",
                    epoch, epochs, step, steps, loss, imagesPerSecond, etaSeconds), (double) step / Math.max(1, steps));
        }

        @Override
        public void epoch(int epoch, int epochs, double valAccuracy) {
            if (!Double.isNaN(valAccuracy)) progress.metric("val accuracy", epoch, valAccuracy);
            progress.update(Double.isNaN(valAccuracy) ? String.format("training: epoch %d/%d", epoch, epochs)
                            : String.format("training: epoch %d/%d: val accuracy %.2f%%", epoch, epochs, 100 * valAccuracy),
                    (double) epoch / Math.max(1, epochs));
        }

        @Override
        public void notice(String message) {
            progress.update(message, -1);
        }
    }
}
