package org.alor.adapt.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SGD with momentum, exactly as PyTorch's {@code torch.optim.SGD} (dampening 0, not Nesterov),
 * used by prompt tuning (CoOp; docs/method.md §5: lr 0.002, momentum 0.9, weight decay 5e-4):
 * <pre>
 *   g ← g + wd·p
 *   buf ← g                      (first step)
 *   buf ← momentum·buf + g       (later steps)
 *   p ← p − lr·buf
 * </pre>
 */
public final class SgdMomentum extends GroupedOptimizer {
    public static final double DEFAULT_MOMENTUM = 0.9;

    private final double momentum;
    private final List<NDArray[]> buffers = new ArrayList<>();

    /** Momentum 0.9 (CoOp). */
    public SgdMomentum(List<ParameterGroup> groups) {
        this(groups, DEFAULT_MOMENTUM);
    }

    public SgdMomentum(List<ParameterGroup> groups, double momentum) {
        super(groups);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("need 0 <= momentum < 1");
        this.momentum = momentum;
        for (int g = 0; g < groups.size(); g++) buffers.add(new NDArray[trainableCount(g)]);
    }

    @Override
    protected Map<String, NDArray> ownArrays(int group, int index) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        out.put("sgd.momentum", buffers.get(group)[index]);
        return out;
    }

    @Override
    protected void setOwnArray(int group, int index, String kind, NDArray array) {
        NDArray[] slots = buffers.get(group);
        if (slots[index] != null) slots[index].close();
        slots[index] = array;
    }

    @Override
    protected void update(NDManager step, int group, int index, NDArray weight, NDArray grad,
                          double lr, double wd) {
        NDArray direction = wd == 0 ? grad : grad.add(owned(step, weight.mul(wd)));
        if (momentum != 0) {
            NDArray buffer = buffers.get(group)[index];
            if (buffer == null) {
                buffer = direction.duplicate();
                buffer.attach(stateManager);
                buffers.get(group)[index] = buffer;
            } else {
                buffer.muli(momentum).addi(direction);
            }
            direction = buffer;
        }
        weight.subi(owned(step, direction.mul(lr)));
    }
}
