package org.alor.synth;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import org.alor.adapt.train.ParameterGroup;
import org.alor.adapt.train.ParameterOptimizer;
import org.alor.clip.NoGradient;

import java.util.List;

/**
 * Clamps CLIP's learnable logit scale to [0, ln 100] after every optimiser step, as OpenCLIP's
 * training loop does, so the temperature cannot exceed 100 (which destabilises the loss).
 */
public final class LogitScaleClamp implements ParameterOptimizer {
    public static final float MAX_LOG_SCALE = (float) Math.log(100);

    private final ParameterOptimizer delegate;
    private final Parameter logitScale;

    public LogitScaleClamp(ParameterOptimizer delegate, Parameter logitScale) {
        this.delegate = delegate;
        this.logitScale = logitScale;
    }

    @Override
    public List<ParameterGroup> groups() {
        return delegate.groups();
    }

    @Override
    public void step(double[] learningRates) {
        delegate.step(learningRates);
        clamp(logitScale.getArray());
    }

    /** Moves the single value of {@code scale} into [0, ln 100] in place. */
    static void clamp(NDArray scale) {
        try (NoGradient ignored = NoGradient.enter()) {
            float v = scale.toFloatArray()[0];
            if (v > MAX_LOG_SCALE) scale.subi(v - MAX_LOG_SCALE);
            else if (v < 0) scale.subi(v);
        }
    }

    @Override
    public void zeroGradients() {
        delegate.zeroGradients();
    }

    @Override
    public long stepCount() {
        return delegate.stepCount();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
