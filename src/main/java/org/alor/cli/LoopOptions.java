package org.alor.cli;

import org.alor.adapt.PromptTemplates;
import org.alor.loop.ClassNaming;
import org.alor.loop.Method;
import org.alor.loop.Precision;
import org.alor.loop.Tuning;
import picocli.CommandLine;

import java.util.Locale;

/** Parsing of the option values shared by `alor round` and `alor experiment`; bad values are usage errors. */
final class LoopOptions {
    private LoopOptions() {
    }

    static Method method(CommandLine cl, String value) {
        try {
            return Method.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    static boolean onOff(CommandLine cl, String option, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new CommandLine.ParameterException(cl, option + " must be on or off, not '" + value + "'");
        };
    }

    static ClassNaming naming(CommandLine cl, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "name" -> ClassNaming.NAME;
            case "most_common_name", "most_common" -> ClassNaming.MOST_COMMON_NAME;
            default -> throw new CommandLine.ParameterException(cl, "--names must be name or most_common_name, not '" + value + "'");
        };
    }

    static PromptTemplates prompts(CommandLine cl, String value) {
        try {
            return PromptTemplates.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    /** Epochs from the flag, else the recipe recorded with the project's checkpoint, else the paper's 50. */
    static int epochs(Integer flag, org.alor.store.Settings settings) {
        return flag != null ? flag : settings.getInt(org.alor.store.CheckpointRecipe.EPOCHS, PAPER_EPOCHS);
    }

    /** Tower and head learning rates: flags win over the checkpoint's recorded recipe; null keeps the paper's. */
    static Tuning tuning(CommandLine cl, Double lrEncoder, Double lrHead, boolean mixedPrecision, org.alor.store.Settings settings) {
        return tuning(cl, lrEncoder != null ? lrEncoder : settings.getDouble(org.alor.store.CheckpointRecipe.LR_ENCODER).orElse(null),
                lrHead != null ? lrHead : settings.getDouble(org.alor.store.CheckpointRecipe.LR_HEAD).orElse(null), mixedPrecision);
    }

    static final int PAPER_EPOCHS = 50;

    /** Learning-rate overrides (must be positive) and the mixed-precision request of an experiment. */
    static Tuning tuning(CommandLine cl, Double lrEncoder, Double lrHead, boolean mixedPrecision) {
        if (lrEncoder != null && !(lrEncoder > 0)) throw new CommandLine.ParameterException(cl, "--lr-encoder must be positive");
        if (lrHead != null && !(lrHead > 0)) throw new CommandLine.ParameterException(cl, "--lr-head must be positive");
        return new Tuning(lrEncoder == null ? 0 : lrEncoder, lrHead == null ? 0 : lrHead,
                mixedPrecision ? Precision.FP16 : Precision.FP32);
    }

    static String pct(Double fraction) {
        return fraction == null || fraction.isNaN() ? "–" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }
}
