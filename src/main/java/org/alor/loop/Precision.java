package org.alor.loop;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The number format a round trains in. Only fp32 is available: DJL has no autocast (see {@link #requireAvailable}). */
public enum Precision {
    FP32, FP16, BF16;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Precision parse(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        for (Precision p : values()) {
            if (p.name().equals(n)) return p;
        }
        throw new IllegalArgumentException("unknown precision '" + name + "' (expected one of "
                + Arrays.stream(values()).map(Precision::key).collect(Collectors.joining(", ")) + ")");
    }

    /** Refuses what {@code method} cannot train in, with the reason. */
    void requireAvailable(Method method) {
        if (this == FP32) return;
        if (!method.needsClip()) {
            throw new IllegalArgumentException("precision " + key() + " applies to ft, ct and pt, not " + method.key()
                    + " (its head trains in fp32)");
        }
        throw new IllegalArgumentException("precision " + key() + " is not available: DJL has no autocast and "
                + key() + " weights would lose the 1e-6 updates, so training runs in fp32");
    }
}
