package org.alor.loop;

/**
 * Overrides of the FT/CT/PT training settings of docs/method.md §5 that an experiment applies to all its runs
 * (0 = the method's paper default); each run's {@link RoundSpec} checks them.
 *
 * @param encoderLr FT: image tower lr; CT: both towers; unused by PT, LP, ZS
 * @param headLr    FT: head + log-scale; CT: temperature; PT: prompt contexts; LP: head
 * @param precision the number format to train in
 */
public record Tuning(double encoderLr, double headLr, Precision precision) {
    public static final Tuning DEFAULTS = new Tuning(0, 0, Precision.FP32);

    public Tuning {
        if (!(encoderLr >= 0) || !(headLr >= 0)) throw new IllegalArgumentException("learning rates must be positive");
        if (precision == null) precision = Precision.FP32;
    }
}
