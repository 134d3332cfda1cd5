package org.alor.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The race's report: median speeds and the ratios ours/TorchScript and bf16/fp32 of whatever ran; peaks reset. */
class EncodeRaceTest {
    @Test
    void printsMediansAndTheRatiosOfTheVariantsThatRan() {
        Map<String, double[]> speeds = new LinkedHashMap<>();
        speeds.put("ours fp32", new double[] {3, 100, 4});
        speeds.put("ours bf16", new double[] {10, 12, 11});
        speeds.put("torchscript fp32", new double[] {4, 4, 4});
        StringWriter text = new StringWriter();
        EncodeRace.print(new PrintWriter(text, true), speeds);
        assertThat(text.toString())
                .contains("ours fp32          4.00 images/s")
                .contains("ratio ours/TorchScript fp32  1.00")
                .contains("ratio bf16/fp32 ours         2.75")
                .doesNotContain("ours/TorchScript bf16");
        assertThat(EncodeRace.median(new double[] {1, 2, 3, 10})).isEqualTo(2.5);
    }

    @Test
    void thePeakCanBeResetOnLinux() {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) return;
        byte[][] grow = new byte[64][];
        for (int i = 0; i < grow.length; i++) grow[i] = new byte[1 << 20];
        long before = PeakMemory.peakResidentBytes().orElseThrow();
        assertThat(grow[63].length).isPositive();
        assertThat(PeakMemory.reset()).isTrue();
        // the mark drops to the current resident size; the JVM may have grown a little meanwhile
        assertThat(PeakMemory.peakResidentBytes().orElseThrow()).isLessThanOrEqualTo(before + (32L << 20));
    }
}
