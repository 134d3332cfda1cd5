package org.alor.clip;

import java.util.Locale;

/**
 * The number format CLIP's matrix products run in. Parameters, gradients and optimiser state are float32 in both;
 * {@link #BF16} runs linear layers, the patch convolution and the attention products in bfloat16, the way
 * {@code torch.autocast} does (see {@link Autocast}).
 */
public enum ComputeType {
    FP32, BF16;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
