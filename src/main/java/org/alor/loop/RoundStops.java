package org.alor.loop;

import org.alor.store.ProjectStore;
import org.alor.store.Settings;

import java.util.Optional;

/**
 * How a round stopped before its picks, kept in the project's settings: the round's stored status stays the step it
 * reached (so the engine can continue it), and this note lets the app say "cancelled" or "failed" after a restart.
 */
final class RoundStops {
    private static final String CANCELLED = "cancelled";
    private static final String FAILED = "failed: ";

    /** How it stopped, and for a failure the reason. */
    record Stop(UnfinishedRound.Stop kind, String reason) {
    }

    private RoundStops() {
    }

    static void cancelled(ProjectStore store, int round) {
        store.settings().set(key(round), CANCELLED);
    }

    static void failed(ProjectStore store, int round, Throwable cause) {
        String reason = cause.getMessage() == null || cause.getMessage().isBlank() ? cause.getClass().getSimpleName()
                : cause.getMessage();
        store.settings().set(key(round), FAILED + reason);
    }

    static Optional<Stop> read(ProjectStore store, int round) {
        return store.settings().getString(key(round)).map(v -> v.startsWith(FAILED)
                ? new Stop(UnfinishedRound.Stop.FAILED, v.substring(FAILED.length()))
                : new Stop(UnfinishedRound.Stop.CANCELLED, null));
    }

    static void clear(ProjectStore store, int round) {
        if (store.settings().getString(key(round)).isPresent()) store.settings().remove(key(round));
    }

    private static String key(int round) {
        return Settings.ROUND_STOPPED_PREFIX + round;
    }
}
