package org.alor.loop;

import ai.djl.Device;
import org.alor.clip.Bf16Support;
import org.alor.clip.ComputeType;
import org.alor.store.Settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The number format CLIP encodes and trains in. {@link #BF16} is autocast (parameters, gradients and optimiser state
 * fp32, matrix products bf16, see {@link org.alor.clip.ComputeType}); {@link #FP16} is refused (see
 * {@link #requireAvailable}).
 */
public enum Precision {
    FP32, FP16, BF16;

    /** The project setting holding the default ("fp32", "bf16"; absent or "auto" = what the device runs fast). */
    public static final String SETTING = "precision";

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

    /** What CLIP's blocks compute in for this precision; fp16 has none (refused). */
    public ComputeType computeType() {
        if (this == FP16) throw new IllegalArgumentException(fp16Refusal());
        return this == BF16 ? ComputeType.BF16 : ComputeType.FP32;
    }

    /** bf16 where {@code device} runs it fast (a GPU with bf16, a CPU with AVX-512 BF16 or AMX), else fp32. */
    public static Precision defaultFor(Device device) {
        return Bf16Support.isFast(device) ? BF16 : FP32;
    }

    /** Why bf16 is not offered on a device preference ("auto", "cpu", "gpu"); empty where the device runs it fast. */
    public static Optional<String> bf16Unavailable(String device) {
        try {
            String why = Bf16Support.whyNot(org.alor.clip.Devices.select(device));
            return why.isEmpty() ? Optional.empty() : Optional.of(why);
        } catch (RuntimeException e) {
            return Optional.of("the device could not be selected: " + e.getMessage());
        }
    }

    /** The project's {@link #SETTING} if it names fp32 or bf16, else {@link #defaultFor} the device. */
    public static Precision resolve(Settings settings, Device device) {
        return configured(settings).orElseGet(() -> defaultFor(device));
    }

    /** The project's setting, empty when absent or "auto"; an fp16 or unknown value is refused naming the setting. */
    public static Optional<Precision> configured(Settings settings) {
        Optional<String> value = settings.getString(SETTING).filter(v -> !v.isBlank() && !v.equalsIgnoreCase("auto"));
        if (value.isEmpty()) return Optional.empty();
        try {
            Precision p = parse(value.get());
            p.computeType();
            return Optional.of(p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("project setting " + SETTING + ": " + e.getMessage());
        }
    }

    /** Refuses what {@code method} cannot run in, with the reason. */
    void requireAvailable(Method method) {
        if (this != FP16) return;
        if (!method.needsClip()) {
            throw new IllegalArgumentException("precision " + key() + " applies to ft, ct and pt, not " + method.key()
                    + " (its head trains in fp32)");
        }
        throw new IllegalArgumentException(fp16Refusal());
    }

    private String fp16Refusal() {
        return "precision fp16 is not available: fp16 needs loss scaling, which is not built (fp32 master weights alone"
                + " do not keep small gradients from underflowing); use bf16";
    }
}
