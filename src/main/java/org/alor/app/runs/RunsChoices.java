package org.alor.app.runs;

import org.alor.loop.Method;
import org.alor.select.Strategies;
import org.alor.store.Settings;

import java.util.Optional;

/**
 * What the Runs form had chosen, kept in the project's settings so that leaving the page or reopening the project
 * shows the same choices (each project its own). A stored value the form cannot use falls back to the default.
 */
record RunsChoices(Method method, String strategy, int budget, int epochs, int batch, boolean rda) {
    static final String METHOD = "runs_page.method";
    static final String STRATEGY = "runs_page.strategy";
    static final String BUDGET = "runs_page.budget";
    static final String EPOCHS = "runs_page.epochs";
    static final String BATCH = "runs_page.batch";
    static final String RDA = "runs_page.rda";

    static RunsChoices read(Settings s, RunsChoices defaults) {
        Method m = s.getString(METHOD).flatMap(RunsChoices::method).orElse(defaults.method);
        String st = s.getString(STRATEGY).flatMap(n -> Strategies.NAMES.stream().filter(n::equalsIgnoreCase).findFirst())
                .orElse(defaults.strategy);
        return new RunsChoices(m, st, positive(s, BUDGET, defaults.budget), positive(s, EPOCHS, defaults.epochs),
                positive(s, BATCH, defaults.batch), s.getString(RDA).map(Boolean::parseBoolean).orElse(defaults.rda));
    }

    void write(Settings s) {
        s.set(METHOD, method.key());
        s.set(STRATEGY, strategy);
        s.set(BUDGET, budget);
        s.set(EPOCHS, epochs);
        s.set(BATCH, batch);
        s.set(RDA, rda);
    }

    private static Optional<Method> method(String key) {
        try {
            return Optional.of(Method.parse(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int positive(Settings s, String key, int fallback) {
        try {
            long v = s.getLong(key, fallback);
            return v >= 1 && v <= Integer.MAX_VALUE ? (int) v : fallback;
        } catch (RuntimeException notANumber) {
            return fallback;
        }
    }
}
