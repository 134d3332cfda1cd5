package org.alor.loop.estimate;

import org.alor.loop.Method;
import org.alor.loop.RoundSpec;
import org.alor.store.Settings;

/** A method's epochs and batch for a round, as {@link RoundSpec} resolves them (project recipe, else paper defaults). */
public record MethodPlan(Method method, int epochs, int batchSize) {
    public MethodPlan {
        if (epochs < 1 || batchSize < 1) throw new IllegalArgumentException("epochs and batch must be at least 1");
    }

    /** The round {@code alor round} would run for {@code method} on a project with {@code settings} (null: none). */
    public static MethodPlan of(Method method, Settings settings) {
        RoundSpec spec = RoundSpec.builder(method, "tfs").optProjectSettings(settings).build();
        return new MethodPlan(method, spec.epochs(), spec.batchSize());
    }

    public MethodPlan withEpochs(int e) {
        return new MethodPlan(method, e, batchSize);
    }
}
