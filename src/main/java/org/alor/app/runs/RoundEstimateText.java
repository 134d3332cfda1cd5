package org.alor.app.runs;

import org.alor.loop.Method;
import org.alor.loop.Precision;
import org.alor.loop.estimate.Durations;
import org.alor.loop.estimate.Estimator;
import org.alor.loop.estimate.MethodPlan;
import org.alor.loop.estimate.ProjectEstimate;
import org.alor.loop.estimate.StageTime;

import java.util.Locale;

/** The Runs page's estimate of the round on the form: "≈ 12 min (bf16) · 25 min (fp32)", and what it counts. */
record RoundEstimateText(String text, String details) {
    static RoundEstimateText of(ProjectEstimate.Result r, Method method, int epochs, int batch, boolean rda,
                                Precision precision) {
        Estimator e = r.estimator();
        StageTime t = e.round(new MethodPlan(method, epochs, batch), e.labeledNextRound(), rda);
        String fp32 = Durations.format(t.fp32Seconds()) + " (fp32)";
        String text;
        if (method == Method.LP || method == Method.ZS) {
            text = "≈ " + Durations.format(t.fp32Seconds()) + (method == Method.LP ? " (LP trains on the CPU)" : "");
        } else if (Double.isNaN(t.bf16Seconds())) {
            text = "≈ " + fp32;
        } else {
            String bf16 = Durations.format(t.bf16Seconds()) + " (bf16)";
            text = "≈ " + (precision == Precision.BF16 ? bf16 + " · " + fp32 : fp32 + " · " + bf16);
        }
        String details = String.format(Locale.ROOT, "%s: %s. Rates %s on %s at %s; `alor estimate --recalibrate` measures"
                + " them again.", t.stage(), t.work(), r.rates().source(), r.rates().device(), r.rates().measuredAt());
        return new RoundEstimateText(text, details);
    }
}
