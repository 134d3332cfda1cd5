package org.alor.clip;

import java.util.Arrays;

/**
 * A named float32 tensor in row-major (C) order, as read from a checkpoint (F16/BF16 are widened).
 */
public record Tensor(String name, long[] shape, float[] data) {
    public Tensor {
        long n = 1;
        for (long d : shape) n *= d;
        if (n != data.length) {
            throw new IllegalArgumentException("tensor " + name + ": shape " + Arrays.toString(shape)
                    + " needs " + n + " values, got " + data.length);
        }
    }

    public String shapeString() {
        return Arrays.toString(shape);
    }
}
