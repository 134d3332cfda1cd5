package org.alor.cli;

import org.alor.loop.TinyProject;
import org.alor.loop.estimate.DeviceRates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EstimateCommandTest {
    @TempDir
    static Path shared;
    static Path project;

    @BeforeAll
    static void createProject() throws IOException {
        project = TinyProject.create(shared);
    }

    @Test
    void aMissingProjectIsAUsageErrorNamingTheFolder() {
        Path missing = shared.resolve("no-such-project");
        CliRun r = CliRun.of("estimate", missing.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(missing.toString()).contains("is not an ALOR project");
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun anchors = CliRun.of("estimate", project.toString(), "--anchors", "a100");
        assertThat(anchors.exitCode()).isEqualTo(2);
        assertThat(anchors.err()).contains("unknown anchors 'a100'");
        CliRun budget = CliRun.of("estimate", project.toString(), "--calibrate-seconds", "0");
        assertThat(budget.exitCode()).isEqualTo(2);
        assertThat(budget.err()).contains("calibration time must be positive");
        CliRun both = CliRun.of("estimate", project.toString(), "--anchors", "h200", "--rates", "x.json");
        assertThat(both.exitCode()).isEqualTo(2);
        CliRun rates = CliRun.of("estimate", project.toString(), "--rates", shared.resolve("none.json").toString());
        assertThat(rates.exitCode()).isEqualTo(1);
        assertThat(rates.err()).contains("rates file " + shared.resolve("none.json") + " does not exist");
    }

    @Test
    void calibratesPrintsEveryRateAndEveryStageThenReusesTheCachedRatesAndSavesThemOnRequest() throws Exception {
        CliRun first = CliRun.of("estimate", project.toString(), "--device", "cpu", "--calibrate-seconds", "4", "--recalibrate");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("measured: image encoding fp32").contains("measured: text encoding fp32")
                .contains("measured: FT step fp32").contains("measured: CT step fp32").contains("measured: PT step fp32")
                .contains("measured: LP epoch").contains("Rates (measured now")
                .contains("retrieval ranking").contains("embedding").contains("LP round").contains("FT round")
                .contains("CT round").contains("PT round").contains("paper grid").contains("fp32").contains("bf16");

        Path saved = shared.resolve("rates.json");
        CliRun second = CliRun.of("estimate", project.toString(), "--device", "cpu", "--save-rates", saved.toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("cached calibration, alor estimate --recalibrate refreshes it")
                .doesNotContain("measured: ");
        assertThat(DeviceRates.fromJson(Files.readString(saved)).fp32().imagesPerSecond()).isPositive();

        CliRun fromFile = CliRun.of("estimate", project.toString(), "--rates", saved.toString());
        assertThat(fromFile.exitCode()).isZero();
        assertThat(fromFile.out()).contains("from the rates file");
    }

    @Test
    void h200AnchorsAreScaledToTheProjectsClipAndSaySo() {
        CliRun r = CliRun.of("estimate", project.toString(), "--anchors", "h200");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("GPU anchors").contains("H200").contains("not ViT-B/32: rates scaled by forward FLOPs")
                .doesNotContain("bf16: not available");
    }
}
