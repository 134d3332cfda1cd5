package org.alor.clip;

import java.util.Locale;

/** One-line human descriptions of configs and parameter counts. */
public final class ConfigSummary {
    private ConfigSummary() {
    }

    public static String of(ClipConfig c) {
        return String.format(Locale.ROOT, "ViT %dpx/%d width %d × %d layers (%d heads), text width %d × %d layers"
                        + " (%d heads, context %d, vocab %d), embed %d, %s",
                c.imageSize(), c.patchSize(), c.visionWidth(), c.visionLayers(), c.visionHeads(), c.textWidth(),
                c.textLayers(), c.textHeads(), c.contextLength(), c.vocabSize(), c.embedDim(),
                c.quickGelu() ? "QuickGELU" : "GELU");
    }

    public static String params(long n) {
        if (n >= 1_000_000_000L) return String.format(Locale.ROOT, "%.2fB", n / 1e9);
        if (n >= 1_000_000L) return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        if (n >= 1_000L) return String.format(Locale.ROOT, "%.1fK", n / 1e3);
        return Long.toString(n);
    }
}
