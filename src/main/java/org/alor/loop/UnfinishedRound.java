package org.alor.loop;

import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;

import java.util.Optional;

/**
 * A round that stopped before its picks (planned, training or selecting while nothing runs it) with the method,
 * strategy and seed it was started with: it can be continued only with those, or discarded
 * ({@link RoundEngine#discardUnfinished}).
 *
 * @param step   the stored status: the step the round reached
 * @param reason why it failed, for {@link Stop#FAILED}; else null
 */
public record UnfinishedRound(int index, Method method, String strategy, long seed, RoundStatus step, Stop stop,
                              String reason) {
    /** How it stopped; INTERRUPTED when nothing was recorded (the process ended, or it is running right now). */
    public enum Stop { CANCELLED, FAILED, INTERRUPTED }

    /** The project's unfinished round, if any (there is at most one: a new round needs the previous one done). */
    static Optional<UnfinishedRound> find(ProjectStore store) {
        for (RoundRecord r : store.roundTable().all()) {
            if (isUnfinished(r.status())) {
                Optional<RoundStops.Stop> stop = RoundStops.read(store, r.index());
                return Optional.of(new UnfinishedRound(r.index(), Method.parse(r.method()), r.strategy(), r.seed(),
                        r.status(), stop.map(RoundStops.Stop::kind).orElse(Stop.INTERRUPTED),
                        stop.map(RoundStops.Stop::reason).orElse(null)));
            }
        }
        return Optional.empty();
    }

    static boolean isUnfinished(RoundStatus s) {
        return s == RoundStatus.PLANNED || s == RoundStatus.TRAINING || s == RoundStatus.SELECTING;
    }

    /** Whether {@code spec} continues this round as it was started (same method, strategy and seed). */
    public boolean startedAs(RoundSpec spec) {
        return method == spec.method() && strategy.equals(spec.strategy()) && seed == spec.seed();
    }

    /** {@code spec} with this round's method and strategy (what continuing it runs). */
    public RoundSpec continuing(RoundSpec spec) {
        return spec.toBuilder(method, strategy).build();
    }

    /** E.g. "cancelled during training (unfinished)", "failed during selection: out of memory (unfinished)". */
    public String describe() {
        String where = switch (step) {
            case PLANNED -> "before training";
            case TRAINING -> "during training";
            default -> "during selection";
        };
        return switch (stop) {
            case CANCELLED -> "cancelled " + where;
            case FAILED -> "failed " + where + ": " + reason;
            case INTERRUPTED -> "stopped " + where;
        } + " (unfinished)";
    }
}
