package org.alor.loop;

import org.alor.data.Split;
import org.alor.store.MetricRow;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run's outcome as its project copy holds it. The one-machine runner and the grid collector both build outcomes
 * here, so their tables come from the same rows.
 */
final class RunOutcomes {
    private RunOutcomes() {
    }

    /** The outcome of {@code results} (rounds read back from {@code store}) with their per-class test rows. */
    static RunOutcome of(ProjectStore store, ExperimentSpec.Run run, List<RoundResult> results) {
        Map<Integer, List<MetricRow>> perClass = new TreeMap<>();
        for (RoundResult rr : results) {
            perClass.put(rr.round(), store.roundTable().metrics(rr.round()).stream()
                    .filter(m -> m.split() == Split.TEST && m.classId() != null).toList());
        }
        return new RunOutcome(run, results, perClass);
    }

    /** The outcome when rounds 0..{@code lastRound} are all done, else empty (the run is missing rounds). */
    static Optional<RunOutcome> finished(ProjectStore store, ExperimentSpec.Run run, int lastRound) {
        List<RoundResult> results = new ArrayList<>();
        for (int round = 0; round <= lastRound; round++) {
            Optional<RoundRecord> rec = store.roundTable().byIndex(round);
            if (rec.isEmpty() || rec.get().status() != RoundStatus.DONE) return Optional.empty();
            results.add(RoundSummary.result(store, rec.get()));
        }
        return Optional.of(of(store, run, results));
    }

    /** How many of rounds 0..{@code lastRound} are done. */
    static int roundsDone(ProjectStore store, int lastRound) {
        int done = 0;
        for (RoundRecord r : store.roundTable().all()) {
            if (r.index() <= lastRound && r.status() == RoundStatus.DONE) done++;
        }
        return done;
    }
}
