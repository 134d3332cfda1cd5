package org.alor.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Autocast by hand, the one place CLIP's blocks choose a number format. In {@link ComputeType#BF16} the linear layers,
 * the patch convolution and the attention products cast their inputs and weights to bfloat16 and return bfloat16, as
 * {@code torch.autocast} does; the blocks call {@link #toFloat} before what must run in float32 (LayerNorm, softmax,
 * the towers' outputs, hence the losses and the logit scale). Element-wise work between two products (QuickGELU, the
 * attention scale) stays in bfloat16, and a residual sum {@code float32 + bfloat16} is float32 by type promotion.
 * Weights are cast per call, so parameters, their gradients and the optimiser state stay float32. In
 * {@link ComputeType#FP32} every method is exactly the plain float32 call.
 */
final class Autocast {
    private volatile ComputeType type = ComputeType.FP32;
    private final NDManager parameters;
    private final Map<NDArray, NDArray> castWeights = new IdentityHashMap<>();
    private NDManager castScope;
    private int castUsers;

    Autocast(NDManager parameters) {
        this.parameters = parameters;
    }

    ComputeType type() {
        return type;
    }

    void set(ComputeType t) {
        this.type = java.util.Objects.requireNonNull(t, "compute type");
    }

    /**
     * Until the returned scope closes, each parameter is cast to bfloat16 once instead of in every forward: for
     * inference only, while nothing changes the weights (an encoding pass). Scopes nest.
     */
    synchronized ClipModel.WeightCasts castWeightsOnce() {
        if (castUsers++ == 0) castScope = parameters.newSubManager();
        return this::release;
    }

    private synchronized void release() {
        if (--castUsers == 0) {
            castWeights.clear();
            castScope.close();
            castScope = null;
        }
    }

    /** A weight (a named parameter array) in bfloat16: cached inside {@link #castWeightsOnce}, else cast on owner. */
    private NDArray weight(NDArray w, NDManager owner) {
        Bf16Casts c = Bf16Casts.get();
        if (w.getName() == null) return c.bf16(w, owner);
        synchronized (this) {
            if (castScope == null) return c.bf16(w, owner);
            return castWeights.computeIfAbsent(w, k -> c.bf16(k, castScope));
        }
    }

    NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        if (type == ComputeType.FP32) return Linear.linear(x, weight, bias).head();
        Bf16Casts c = Bf16Casts.get();
        NDManager m = x.getManager();
        return Linear.linear(c.bf16(x, m), weight(weight, m), bias == null ? null : weight(bias, m)).head();
    }

    NDArray matMul(NDArray a, NDArray b) {
        if (type == ComputeType.FP32) return a.matMul(b);
        Bf16Casts c = Bf16Casts.get();
        return c.bf16(a, a.getManager()).matMul(weight(b, a.getManager()));
    }

    /** Bias-free 2-D convolution with stride = kernel (the ViT patch embedding). */
    NDArray patchConv(NDArray x, NDArray weight, long patch) {
        Shape stride = new Shape(patch, patch);
        if (type == ComputeType.FP32) return Conv2d.conv2d(x, weight, null, stride).head();
        Bf16Casts c = Bf16Casts.get();
        return Conv2d.conv2d(c.bf16(x, x.getManager()), weight(weight, x.getManager()), null, stride).head();
    }

    /** x as float32 (a no-op for float32 arrays). */
    NDArray toFloat(NDArray x) {
        return type == ComputeType.FP32 ? x : Bf16Casts.get().float32(x);
    }
}
