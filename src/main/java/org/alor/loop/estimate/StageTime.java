package org.alor.loop.estimate;

/**
 * One line of an estimate: a stage, what it counts and its seconds in fp32 and bf16 (NaN where not estimated: bf16
 * on a device without it, or a stage whose size is not known yet; {@code note} says why).
 */
public record StageTime(String stage, String work, double fp32Seconds, double bf16Seconds, String note) {
    public boolean known() {
        return !Double.isNaN(fp32Seconds);
    }
}
