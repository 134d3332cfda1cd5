package org.alor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15 item 4: `alor doctor` reports and names problems with exit 1; usage errors exit 2. */
class DoctorCommandTest {
    @TempDir
    Path dir;

    @Test
    void gpuAndCpuTogetherIsAUsageError() {
        CliRun run = CliRun.of("doctor", "--gpu", "--cpu");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--gpu and --cpu exclude each other");
    }

    @Test
    void aMissingCheckpointIsANamedProblemAfterTheFullReport() {
        Path missing = dir.resolve("no-such-clip");
        CliRun run = CliRun.of("doctor", "--checkpoint", missing.toString(), "--seconds", "1");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("Java").contains("DJL").contains("Engine").contains("Data folder").contains("Log file")
                .contains("PROBLEM: checkpoint: " + missing + " does not exist");
        assertThat(run.err()).contains("doctor: ").contains("does not exist");
    }
}
