package org.alor.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multiplying or dividing by a plain number inside a graph autograd will differentiate. DJL's PyTorch engine turns
 * {@code x.mul(2f)} into {@code x.mul(scalar)} with a scalar made by {@code create(number)} — on the CPU a tensor over
 * a Java direct buffer — and closes that scalar at once. Autograd keeps the scalar for backward (the gradient of x is
 * grad·scalar), but nothing keeps the buffer alive: once the garbage collector frees it, backward multiplies by
 * whatever the freed memory holds, and gradients come out wrong or NaN/infinite only when a collection happened in
 * between (seen as intermittent non-finite gradients of the first layers in FT, CT and PT). These helpers make the
 * scalar a libtorch-owned tensor, which autograd's own reference keeps alive.
 */
public final class Scalars {
    private Scalars() {
    }

    /** {@code x · value}, safe to differentiate. */
    public static NDArray times(NDArray x, float value) {
        try (NDArray s = scalar(x, value)) {
            return x.mul(s);
        }
    }

    /** {@code x / value}, safe to differentiate. */
    public static NDArray dividedBy(NDArray x, float value) {
        try (NDArray s = scalar(x, value)) {
            return x.div(s);
        }
    }

    /** A scalar of x's type on x's device whose memory libtorch owns. */
    private static NDArray scalar(NDArray x, float value) {
        try (NDArray staged = x.getManager().create(new float[] {value}, new Shape())) {
            NDArray owned = staged.duplicate();
            // a float32 0-d scalar keeps a bfloat16 x bfloat16 (type promotion), and DJL cannot cast to bf16
            if (owned.getDataType() == x.getDataType() || Bf16Casts.isBf16(x)) return owned;
            try (owned) {
                return owned.toType(x.getDataType(), true);
            }
        }
    }
}
