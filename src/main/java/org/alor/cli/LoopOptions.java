package org.alor.cli;

import org.alor.adapt.PromptTemplates;
import org.alor.loop.ClassNaming;
import org.alor.loop.Method;
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

    static String pct(Double fraction) {
        return fraction == null || fraction.isNaN() ? "–" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }
}
