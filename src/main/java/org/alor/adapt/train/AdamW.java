package org.alor.adapt.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW with decoupled weight decay, exactly as PyTorch's {@code torch.optim.AdamW}
 * (amsgrad off, maximize off). For each trainable parameter p with gradient g at its step t:
 * <pre>
 *   p ← p − lr·wd·p
 *   m ← β1·m + (1−β1)·g
 *   v ← β2·v + (1−β2)·g²
 *   p ← p − (lr / (1−β1^t)) · m / (√v / √(1−β2^t) + ε)
 * </pre>
 * which is p − lr·m̂/(√v̂ + ε) with m̂, v̂ the bias-corrected moments (ε added after the correction, as
 * PyTorch does). DJL's own {@code Adam} is not used because its weight decay is the coupled L2 kind.
 *
 * <p>One difference from PyTorch: a trainable parameter that received no gradient in a step is
 * updated with a zero gradient (moments decay, weight decay applies) instead of being skipped; freeze
 * parameters that should not move.
 *
 * <p>Moments live in the optimiser's own manager (freed by {@link #close()}), are created lazily on
 * the first step, and are updated in place.
 */
public final class AdamW extends GroupedOptimizer {
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final List<NDArray[]> firstMoments = new ArrayList<>();
    private final List<NDArray[]> secondMoments = new ArrayList<>();
    private final List<long[]> parameterSteps = new ArrayList<>();

    /** AdamW with β 0.9/0.999 and ε 1e-8 (docs/method.md §5). */
    public AdamW(List<ParameterGroup> groups) {
        this(groups, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    public AdamW(List<ParameterGroup> groups, double beta1, double beta2, double epsilon) {
        super(groups);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("need 0 <= β1, β2 < 1 and ε > 0");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        for (int g = 0; g < groups.size(); g++) {
            firstMoments.add(new NDArray[trainableCount(g)]);
            secondMoments.add(new NDArray[trainableCount(g)]);
            parameterSteps.add(new long[trainableCount(g)]);
        }
    }

    @Override
    protected Map<String, long[]> ownCounters() {
        int n = 0;
        for (long[] t : parameterSteps) n += t.length;
        long[] flat = new long[n];
        int k = 0;
        for (long[] t : parameterSteps) for (long v : t) flat[k++] = v;
        return Map.of("adamw.t", flat);
    }

    @Override
    protected void restoreOwnCounters(Map<String, long[]> counters) {
        long[] flat = counters.get("adamw.t");
        int n = 0;
        for (long[] t : parameterSteps) n += t.length;
        if (flat == null || flat.length != n) {
            throw new IllegalArgumentException("the saved AdamW state has " + (flat == null ? "no" : flat.length)
                    + " step numbers for " + n + " parameters");
        }
        int k = 0;
        for (long[] t : parameterSteps) for (int i = 0; i < t.length; i++) t[i] = flat[k++];
    }

    @Override
    protected Map<String, NDArray> ownArrays(int group, int index) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        out.put("adamw.m", firstMoments.get(group)[index]);
        out.put("adamw.v", secondMoments.get(group)[index]);
        return out;
    }

    @Override
    protected void setOwnArray(int group, int index, String kind, NDArray array) {
        NDArray[] slots = kind.equals("adamw.m") ? firstMoments.get(group) : secondMoments.get(group);
        if (slots[index] != null) slots[index].close();
        slots[index] = array;
    }

    @Override
    protected void update(NDManager step, int group, int index, NDArray weight, NDArray grad,
                          double lr, double wd) {
        NDArray m = firstMoments.get(group)[index];
        NDArray v = secondMoments.get(group)[index];
        if (m == null) {
            m = stateManager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
            v = stateManager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
            firstMoments.get(group)[index] = m;
            secondMoments.get(group)[index] = v;
        }
        long t = ++parameterSteps.get(group)[index];

        if (lr * wd != 0) weight.muli(1 - lr * wd);
        m.muli(beta1).addi(grad.mul(1 - beta1));
        v.muli(beta2).addi(grad.square().muli(1 - beta2));

        double biasCorrection1 = 1 - Math.pow(beta1, t);
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        double stepSize = lr / biasCorrection1;
        NDArray denominator = owned(step, v.sqrt()).divi(biasCorrection2Sqrt).addi(epsilon);
        NDArray change = owned(step, m.div(denominator)).muli(stepSize);
        weight.subi(change);
    }
}
