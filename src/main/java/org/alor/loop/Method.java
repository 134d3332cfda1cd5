package org.alor.loop;

import org.alor.adapt.LinearProbeConfig;
import org.alor.adapt.TuningConfig;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The adaptation methods of docs/method.md §5, with what each needs and its paper defaults (read from the adapters' own
 * standard settings, so the numbers live in one place).
 */
public enum Method {
    ZS("zeroshot"),
    LP("lp"),
    FT("ft"),
    CT("ct"),
    PT("pt");

    private final String key;

    Method(String key) {
        this.key = key;
    }

    /** The name stored with a round and accepted on the command line ("zeroshot", "lp", "ft", "ct", "pt"). */
    public String key() {
        return key;
    }

    /** FT, CT and PT train CLIP itself and need the pretrained checkpoint. */
    public boolean needsClip() {
        return this == FT || this == CT || this == PT;
    }

    /** FT and CT train the image tower: they need the training images and re-encode val/test/pool. */
    public boolean needsImages() {
        return this == FT || this == CT;
    }

    public int defaultEpochs() {
        return needsClip() ? TuningConfig.standard(key).epochs() : LinearProbeConfig.standard().epochs();
    }

    public int defaultBatchSize() {
        return needsClip() ? TuningConfig.standard(key).batchSize() : LinearProbeConfig.standard().batchSize();
    }

    /** The trained tower(s)' base learning rate (FT image tower, CT both towers); 0 when no tower trains. */
    public double defaultEncoderLr() {
        return needsClip() ? TuningConfig.standard(key).encoderLr() : 0;
    }

    /** The head's base learning rate (LP/FT head, CT temperature, PT prompt contexts); 0 for zero-shot. */
    public double defaultHeadLr() {
        if (this == ZS) return 0;
        return needsClip() ? TuningConfig.standard(key).headLr() : LinearProbeConfig.standard().learningRate();
    }

    /** "zs"/"zeroshot", "lp", "ft", "ct" or "pt", any case. */
    public static Method parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Method m : values()) {
            if (m.key.equals(n) || m.name().toLowerCase(Locale.ROOT).equals(n)) return m;
        }
        throw new IllegalArgumentException("unknown method '" + name + "' (expected one of "
                + Arrays.stream(values()).map(Method::key).collect(Collectors.joining(", ")) + ")");
    }
}
