package org.alor.loop.estimate;

import org.alor.clip.ClipConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An estimate as the lines {@code alor estimate} prints: sizes, rates, stage times in fp32 and bf16, measured rounds. */
public final class EstimateText {
    private EstimateText() {
    }

    public static List<String> lines(ProjectEstimate.Result r) {
        List<String> out = new ArrayList<>();
        ProjectSizes s = r.sizes();
        out.add(String.format(Locale.ROOT, "Project: %d classes; pool %,d, val %,d, test %,d, retrieved %,d; %,d labeled; %s",
                s.classes(), s.pool(), s.val(), s.test(), s.retrieved(), s.labeled(),
                s.matchedCaptions() < 0 ? "matched captions not known (no retrieval scan yet)"
                        : String.format(Locale.ROOT, "%,d matched captions", s.matchedCaptions())));
        ClipConfig c = s.clip();
        out.add(String.format(Locale.ROOT, "CLIP: %d px, patch %d, image tower %d wide × %d layers, text tower %d × %d,"
                        + " context %d, %,d parameters; %.3g GFLOP per image, %.3g per text",
                c.imageSize(), c.patchSize(), c.visionWidth(), c.visionLayers(), c.textWidth(), c.textLayers(),
                c.contextLength(), r.clipParameters(), ClipFlops.image(c) / 1e9, ClipFlops.text(c) / 1e9));
        DeviceRates d = r.rates();
        out.add(String.format(Locale.ROOT, "Rates (%s; %s, %s%s):", switch (r.from()) {
            case MEASURED -> "measured now";
            case CACHED -> "cached calibration, alor estimate --recalibrate refreshes it";
            case ANCHORS -> "GPU anchors";
            case FILE -> "from the rates file";
        }, d.source(), d.device(), d.calibrationSeconds() > 0
                ? String.format(Locale.ROOT, ", calibration %.0f s at %s", d.calibrationSeconds(), d.measuredAt())
                : ""));
        out.add("  fp32: " + rates(d.fp32()));
        out.add("  bf16: " + (d.bf16() == null ? "not available — " + d.bf16Note() : rates(d.bf16())));
        out.add(String.format(Locale.ROOT, "  LP: %,.0f samples/s per epoch at %d classes × %d (Java on the CPU)",
                d.lpSamplesPerSecond(), d.lpClasses(), d.lpDim()));
        d.notes().forEach(n -> out.add("  note: " + n));
        out.add(String.format(Locale.ROOT, "%-20s %12s %12s  %s", "Estimate", "fp32", "bf16", "work"));
        for (StageTime t : r.stages()) {
            out.add(String.format(Locale.ROOT, "%-20s %12s %12s  %s%s", t.stage(), Durations.format(t.fp32Seconds()),
                    Durations.format(t.bf16Seconds()), t.work(), t.note().isEmpty() ? "" : " — " + t.note()));
        }
        if (!r.comparisons().isEmpty()) {
            out.add("Finished rounds of this project, measured vs estimated:");
            for (ProjectEstimate.Comparison cmp : r.comparisons()) {
                MeasuredRound m = cmp.measured();
                out.add(String.format(Locale.ROOT, "  round %d %s (%s, %d epoch%s, %,d labeled + %,d retrieved): measured"
                                + " %s, estimated %s", m.round(), m.method().key(), m.precision(), m.epochs(),
                        m.epochs() == 1 ? "" : "s", m.labeled(),
                        m.retrieved(), Durations.format(m.seconds()), Durations.format(cmp.estimatedSeconds())));
            }
        }
        return out;
    }

    private static String rates(StageRates r) {
        return String.format(Locale.ROOT, "encode %,.1f images/s, %,.1f texts/s; FT step %,.1f images/s, CT step %,.1f"
                        + " images/s, PT step %.3g s (%d classes)", r.imagesPerSecond(), r.textsPerSecond(),
                r.ftImagesPerSecond(), r.ctImagesPerSecond(), r.ptSecondsPerStep(), r.ptClasses());
    }
}
