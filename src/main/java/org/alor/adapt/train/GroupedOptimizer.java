package org.alor.adapt.train;

import org.alor.clip.NoGradient;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Shared machinery of {@link AdamW} and {@link SgdMomentum}: group validation, the optimiser's own
 * {@link NDManager} for per-parameter state, and a temporary sub-manager per step so that no
 * intermediate array outlives the step.
 */
abstract class GroupedOptimizer implements ParameterOptimizer {
    private final List<ParameterGroup> groups;
    /** Trainable parameters per group, frozen ones dropped. */
    private final List<List<Parameter>> trainable;
    /** The manager that owns the optimiser state; closed by {@link #close()}. */
    protected final NDManager stateManager;
    private long steps;

    GroupedOptimizer(List<ParameterGroup> groups) {
        if (groups.isEmpty()) throw new IllegalArgumentException("at least one parameter group is required");
        this.groups = List.copyOf(groups);
        Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<List<Parameter>> perGroup = new ArrayList<>();
        Device device = null;
        for (ParameterGroup group : this.groups) {
            List<Parameter> kept = new ArrayList<>();
            for (Parameter p : group.parameters()) {
                if (!seen.add(p)) {
                    throw new IllegalArgumentException("parameter " + p.getName() + " appears in more than one group");
                }
                if (!p.requiresGradient()) continue;
                kept.add(p);
                if (device == null && p.isInitialized()) device = p.getArray().getDevice();
            }
            perGroup.add(List.copyOf(kept));
        }
        this.trainable = List.copyOf(perGroup);
        this.stateManager = device == null ? NDManager.newBaseManager() : NDManager.newBaseManager(device);
        this.stateManager.setName(getClass().getSimpleName() + "-state");
    }

    @Override
    public final List<ParameterGroup> groups() {
        return groups;
    }

    @Override
    public final long stepCount() {
        return steps;
    }

    @Override
    public final Map<String, long[]> counters() {
        Map<String, long[]> out = new LinkedHashMap<>();
        out.put("steps", new long[] {steps});
        out.putAll(ownCounters());
        return out;
    }

    @Override
    public final Map<String, NDArray> stateArrays() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (int i = 0; i < trainableCount(g); i++) {
                for (Map.Entry<String, NDArray> e : ownArrays(g, i).entrySet()) {
                    if (e.getValue() != null) out.put(e.getKey() + "." + g + "." + i, e.getValue());
                }
            }
        }
        return out;
    }

    @Override
    public final void restoreState(Map<String, long[]> counters, Function<String, float[]> arrays) {
        long[] savedSteps = counters.get("steps");
        if (savedSteps == null || savedSteps.length != 1 || savedSteps[0] < 0) {
            throw new IllegalArgumentException("the saved optimiser state has no step count");
        }
        restoreOwnCounters(counters);
        for (int g = 0; g < groups.size(); g++) {
            for (int i = 0; i < trainableCount(g); i++) {
                Parameter p = trainable.get(g).get(i);
                for (String kind : ownArrays(g, i).keySet()) {
                    float[] values = arrays.apply(kind + "." + g + "." + i);
                    if (values == null) {
                        setOwnArray(g, i, kind, null);
                        continue;
                    }
                    NDArray weight = p.getArray();
                    if (values.length != weight.size()) {
                        throw new IllegalArgumentException("saved " + kind + " of " + p.getName() + " has " + values.length
                                + " values, the parameter " + weight.size());
                    }
                    NDArray restored;
                    try (NDManager staging = stateManager.newSubManager()) {
                        // duplicate(): a libtorch-owned clone; create() on CPU wraps a Java buffer that only the staged
                        // array keeps alive, and toType/toDevice return an alias when nothing changes
                        restored = staging.create(values, weight.getShape()).toType(weight.getDataType(), false)
                                .toDevice(weight.getDevice(), false).duplicate();
                        restored.attach(stateManager);
                    }
                    setOwnArray(g, i, kind, restored);
                }
            }
        }
        steps = savedSteps[0];
    }

    /** Subclass counters (e.g. AdamW's per-parameter step numbers). */
    protected Map<String, long[]> ownCounters() {
        return Map.of();
    }

    protected void restoreOwnCounters(Map<String, long[]> counters) {
    }

    /** The state arrays of one parameter by kind ("adamw.m", …), null values for ones not yet created. */
    protected abstract Map<String, NDArray> ownArrays(int group, int index);

    /** Replaces (closing the old) or, with null, drops one state array. */
    protected abstract void setOwnArray(int group, int index, String kind, NDArray array);

    @Override
    public final void step(double[] learningRates) {
        if (learningRates.length != groups.size()) {
            throw new IllegalArgumentException("expected " + groups.size() + " learning rates, got " + learningRates.length);
        }
        steps++;
        try (NoGradient ignored = NoGradient.enter(); NDManager step = stateManager.newSubManager()) {
            for (int g = 0; g < groups.size(); g++) {
                List<Parameter> params = trainable.get(g);
                for (int i = 0; i < params.size(); i++) {
                    Parameter p = params.get(i);
                    if (!p.isInitialized()) {
                        throw new IllegalStateException("parameter " + p.getName() + " of group "
                                + groups.get(g).name() + " is not initialised");
                    }
                    NDArray weight = p.getArray();
                    NDArray grad = owned(step, weight.getGradient());
                    update(step, g, i, weight, grad, learningRates[g], groups.get(g).weightDecay());
                }
            }
        }
    }

    /**
     * Updates one parameter in place. Every array created here must end up in {@code step}; use
     * {@link #owned} on results of operations whose first operand lives in another manager.
     *
     * @param group index of the group
     * @param index index of the parameter among the trainable parameters of its group
     */
    protected abstract void update(NDManager step, int group, int index, NDArray weight, NDArray grad,
                                   double learningRate, double weightDecay);

    /** Per-parameter state storage key: the same (group, index) always denotes the same parameter. */
    protected final int trainableCount(int group) {
        return trainable.get(group).size();
    }

    /** Moves an array into {@code manager} so that closing the manager frees it. */
    protected static NDArray owned(NDManager manager, NDArray array) {
        array.attach(manager);
        return array;
    }

    private static final ai.djl.ndarray.index.NDIndex ALL = new ai.djl.ndarray.index.NDIndex("...");

    @Override
    public final void zeroGradients() {
        try (NoGradient ignored = NoGradient.enter(); NDManager step = stateManager.newSubManager()) {
            for (List<Parameter> params : trainable) {
                for (Parameter p : params) {
                    if (!p.isInitialized()) continue;
                    // a fill, not muli(0): NaN·0 is NaN, so one bad step would otherwise poison every later one
                    owned(step, p.getArray().getGradient()).set(ALL, 0f);
                }
            }
        }
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
