package org.alor.clip;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationReportTest {
    @Test
    void layerRangesAreWrittenOnceButEveryNameIsCovered() {
        List<String> names = List.of("visual.proj", "transformer.resblocks.2.ln_1.weight",
                "transformer.resblocks.3.ln_1.weight", "transformer.resblocks.4.ln_1.weight",
                "transformer.resblocks.7.ln_1.weight", "transformer.resblocks.2.ln_1.bias", "logit_scale");
        assertThat(ValidationReport.compress(names)).containsExactly("visual.proj",
                "transformer.resblocks.{2..4}.ln_1.weight", "transformer.resblocks.7.ln_1.weight",
                "transformer.resblocks.2.ln_1.bias", "logit_scale");
    }

    @Test
    void describeListsEveryKind() {
        ValidationReport r = new ValidationReport(List.of("ln_final.bias"), List.of("visual.extra"),
                List.of(new ValidationReport.ShapeMismatch("visual.proj", new long[] {64, 32}, new long[] {32, 64})));
        assertThat(r.ok()).isFalse();
        assertThat(r.describe()).isEqualTo("1 wrongly shaped tensor:\n  visual.proj: expected [64, 32], got [32, 64]\n"
                + "1 missing tensor:\n  ln_final.bias\n1 unexpected tensor:\n  visual.extra");
        assertThat(new ValidationReport(List.of(), List.of(), List.of()).ok()).isTrue();
    }
}
