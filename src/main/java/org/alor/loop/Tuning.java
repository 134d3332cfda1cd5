package org.alor.loop;

/**
 * Overrides of the FT/CT/PT training settings of docs/method.md §5 (0 = the method's paper default).
 *
 * @param encoderLr      FT: image tower lr (default 1e-6); CT: both towers (1e-6); unused by PT, LP, ZS
 * @param headLr         FT: head + log-scale (1e-4); CT: temperature (1e-4); PT: prompt contexts (0.002);
 *                       LP: head (1e-4)
 * @param mixedPrecision request fp16 mixed precision (rejected with a clear message: see
 *                       {@link org.alor.adapt.TuningConfig#checkPrecision})
 */
public record Tuning(double encoderLr, double headLr, boolean mixedPrecision) {
    public static final Tuning DEFAULTS = new Tuning(0, 0, false);

    public Tuning {
        if (!(encoderLr >= 0) || !(headLr >= 0)) throw new IllegalArgumentException("learning rates must be positive");
    }
}
