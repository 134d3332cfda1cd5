package org.alor.adapt.train;

import org.alor.clip.NoGradient;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntFunction;

/**
 * A {@link Snapshotter} that keeps an on-device copy of the parameters of the selected epoch and
 * writes it back with {@link #restore()}. Memory: one extra copy of the parameters. Close it to free
 * the copy.
 */
public final class ParameterSnapshot implements Snapshotter, AutoCloseable {
    private final List<Parameter> parameters;
    private final NDManager baseManager;
    private NDManager current;
    private List<NDArray> copies = List.of();
    private int epoch = -1;

    public ParameterSnapshot(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
        this.baseManager = NDManager.newBaseManager();
        this.baseManager.setName("parameter-snapshot");
    }

    @Override
    public void snapshot(int epoch, OptionalDouble score) {
        keep(epoch, (i, into) -> parameters.get(i).getArray().duplicate());
    }

    /** The kept copies in the order of the parameters (live: read, do not close); empty before the first snapshot. */
    public List<NDArray> copies() {
        return List.copyOf(copies);
    }

    /**
     * Replaces the kept copy with saved values, as if {@link #snapshot} had run at {@code epoch}: {@code values}
     * gives those of parameter i (in the order of the constructor's list).
     *
     * @throws IllegalArgumentException when a saved copy does not fit its parameter
     */
    public void load(int epoch, IntFunction<float[]> values) {
        keep(epoch, (i, into) -> {
            NDArray weight = parameters.get(i).getArray();
            float[] v = values.apply(i);
            if (v == null || v.length != weight.size()) {
                throw new IllegalArgumentException("the saved copy of " + parameters.get(i).getName() + " has "
                        + (v == null ? "no" : v.length) + " values, the parameter " + weight.size());
            }
            try (NDManager staging = into.newSubManager()) {
                // duplicate(): a libtorch-owned clone (create() on CPU wraps a Java buffer only `staging` keeps alive)
                NDArray copy = staging.create(v, weight.getShape()).toType(weight.getDataType(), false)
                        .toDevice(weight.getDevice(), false).duplicate();
                copy.attach(into); // before `staging` closes
                return copy;
            }
        });
    }

    /** Makes a copy of every parameter (i, in a fresh manager) the kept one; a failure keeps the previous copy. */
    private void keep(int epoch, CopyMaker copyOf) {
        NDManager fresh = baseManager.newSubManager();
        List<NDArray> taken = new ArrayList<>(parameters.size());
        try {
            for (int i = 0; i < parameters.size(); i++) {
                NDArray copy = copyOf.copy(i, fresh);
                copy.attach(fresh);
                taken.add(copy);
            }
        } catch (RuntimeException e) {
            fresh.close();
            throw e;
        }
        if (current != null) current.close();
        current = fresh;
        copies = taken;
        this.epoch = epoch;
    }

    private interface CopyMaker {
        NDArray copy(int index, NDManager into);
    }

    /** The epoch of the kept copy, or −1 before the first snapshot. */
    public int epoch() {
        return epoch;
    }

    /** Copies the kept values back into the parameters, in place (call outside a gradient collector; autograd is turned off for the copy). */
    public void restore() {
        if (current == null) throw new IllegalStateException("no snapshot has been taken");
        try (NoGradient ignored = NoGradient.enter()) {
            for (int i = 0; i < parameters.size(); i++) {
                parameters.get(i).getArray().set(new ai.djl.ndarray.index.NDIndex("..."), copies.get(i));
            }
        }
    }

    @Override
    public void close() {
        baseManager.close();
    }
}
