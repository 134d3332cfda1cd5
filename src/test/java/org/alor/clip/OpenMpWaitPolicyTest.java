package org.alor.clip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** In a fresh JVM (OpenMP reads the variable once per process), as the CLI and the app start. */
@DisabledOnOs(OS.WINDOWS)
class OpenMpWaitPolicyTest {
    @Test
    void aProcessWithoutTheVariableGetsPassiveWaiting() throws Exception {
        assertThat(runProbe(null)).isEqualTo("PASSIVE");
    }

    @Test
    void theUsersOwnChoiceIsKept() throws Exception {
        assertThat(runProbe("ACTIVE")).isEqualTo("ACTIVE");
    }

    @Test
    void alorDoctorStartedWithoutTheVariableReportsPassiveWaiting() throws Exception {
        ProcessBuilder pb = java("org.alor.cli.AlorCli", "doctor");
        pb.environment().remove(OpenMpWaitPolicy.VARIABLE);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out).containsPattern("OpenMP waiting\\s+OMP_WAIT_POLICY=PASSIVE");
    }

    private static String runProbe(String value) throws IOException, InterruptedException {
        ProcessBuilder pb = java(OpenMpWaitPolicy.class.getName());
        if (value == null) pb.environment().remove(OpenMpWaitPolicy.VARIABLE);
        else pb.environment().put(OpenMpWaitPolicy.VARIABLE, value);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).as("probe exit; stderr: %s", new String(p.getErrorStream().readAllBytes(),
                StandardCharsets.UTF_8)).isZero();
        return out;
    }

    private static ProcessBuilder java(String mainClass, String... args) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(false);
    }
}
