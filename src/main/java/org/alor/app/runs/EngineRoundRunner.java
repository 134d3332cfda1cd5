package org.alor.app.runs;

import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.alor.loop.LabelsPendingException;
import org.alor.loop.Method;
import org.alor.loop.Project;
import org.alor.loop.RoundSpec;
import org.alor.loop.UnfinishedRound;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;

import java.util.Optional;

/**
 * Runs rounds for a person labeling in the app: round 0 trains on the retrieved images (plus labels already
 * given), each round stops after selection so the Label page can show the picks, and starting the next round
 * first closes the labeling round with the answers the person gave (unanswered picks stay unlabeled). A round
 * stopped before its picks is continued only with the method and strategy it was started with; otherwise this
 * refuses, and the Runs page offers to resume it or to discard it first.
 */
public final class EngineRoundRunner implements RoundRunner {
    @Override
    public int runRound(Project session, RoundSpec spec, Progress progress, CancellationToken token) throws Exception {
        ProjectStore store = session.store();
        Optional<RoundRecord> waiting = store.roundTable().all().stream()
                .filter(r -> r.status() == RoundStatus.LABELING).findFirst();
        if (waiting.isPresent()) {
            progress.notice("Closing round " + waiting.get().index() + " with the labels given");
            session.runRound(asStored(spec, waiting.get()), (s, round, pending, t) -> { }, progress, token);
        }
        RoundSpec next = firstRoundSpec(store, spec, progress);
        // a round stopped before its picks is continued only when it was started as chosen; the Runs page asks first
        Optional<UnfinishedRound> unfinished = session.unfinishedRound();
        if (unfinished.isPresent()) {
            UnfinishedRound u = unfinished.get();
            if (!u.startedAs(next)) {
                throw new IllegalStateException("Round " + u.index() + " was started with " + u.method().key() + "/"
                        + u.strategy() + " and " + u.describe() + "; resume it with that method or discard it before"
                        + " starting " + next.method().key() + "/" + next.strategy());
            }
            progress.notice("Continuing round " + u.index());
        }
        try {
            return session.runRound(next, (s, round, pending, t) -> {
                throw new LabelsPendingException(round, pending.size());
            }, progress, token).round();
        } catch (LabelsPendingException e) {
            return e.round();
        }
    }

    @Override
    public RoundSpec nextRoundSpec(ProjectStore store, RoundSpec chosen) {
        return firstRoundSpec(store, chosen, Progress.NONE);
    }

    /** No round yet, or only a round 0 stopped before its picks (it would be started again as round 0). */
    private static boolean nextIsRoundZero(ProjectStore store) {
        java.util.List<RoundRecord> all = store.roundTable().all();
        return all.isEmpty() || all.size() == 1 && all.get(0).status() != RoundStatus.DONE
                && all.get(0).status() != RoundStatus.LABELING;
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
    static RoundSpec firstRoundSpec(ProjectStore store, RoundSpec spec, Progress progress) {
        if (!nextIsRoundZero(store) || spec.method() == Method.ZS) return spec;
        boolean nothingToTrainOn = store.sampleTable().bySplit(org.alor.data.Split.RETRIEVED).isEmpty()
                && store.labelLog().current().values().stream().noneMatch(org.alor.store.LabelState::isLabeled);
        if (!nothingToTrainOn) return spec;
        progress.notice("No retrieved images or labels yet: round 0 uses the zero-shot model");
        return spec.toBuilder(Method.ZS, spec.strategy()).build();
    }
}
