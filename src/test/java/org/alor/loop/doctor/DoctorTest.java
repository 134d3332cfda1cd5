package org.alor.loop.doctor;

import org.alor.clip.EngineInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DoctorTest {
    @TempDir
    Path dir;

    private UserFolders folders() {
        return new UserFolders(dir.resolve("data"), dir.resolve("djl"), dir.resolve("logs/alor.log"));
    }

    private static EngineInfo cpuEngine() {
        return new EngineInfo("0.36.0", "PyTorch", "2.7.1", "/c/pytorch/2.7.1-cpu-linux-x86_64/libtorch.so", "cpu", 0);
    }

    @Test
    void aCpuMachineReportsEverythingAndEncodesOnTheCpuOnly() throws Exception {
        Path ckpt = Files.createDirectories(dir.resolve("clip"));
        List<String> devices = new ArrayList<>();
        Doctor doctor = new Doctor(DoctorTest::cpuEngine, (c, device, budget) -> {
            devices.add(device);
            return 250.0;
        }, Optional::empty, folders());

        DoctorReport report = doctor.run(Optional.of(ckpt), Duration.ofSeconds(5));

        assertThat(report.ok()).as(report.text()).isTrue();
        assertThat(devices).containsExactly("cpu");
        assertThat(report.value("DJL")).isEqualTo("0.36.0");
        assertThat(report.value("Engine")).isEqualTo("PyTorch 2.7.1, flavor cpu");
        assertThat(report.value("Device")).contains("CPU");
        assertThat(report.value("NVIDIA driver")).startsWith("none found");
        assertThat(report.value("Encode on CPU")).isEqualTo("250.0 images/s (5 s)");
        assertThat(report.value("Data folder")).startsWith(dir.resolve("data").toString()).contains("GB free");
        assertThat(report.value("Log file")).isEqualTo(dir.resolve("logs/alor.log").toString());
        assertThat(report.text()).contains("Java").contains("CPU cores").contains("Memory").contains("No problems found.");
    }

    @Test
    void aGpuMachineTimesTheGpuAgainstTheCpu() throws Exception {
        Path ckpt = Files.createDirectories(dir.resolve("clip"));
        Doctor doctor = new Doctor(() -> new EngineInfo("0.36.0", "PyTorch", "2.7.1", "/c/2.7.1-cu128-linux-x86_64", "cu128", 1),
                (c, device, budget) -> device.equals("gpu") ? 1000.0 : 250.0, () -> Optional.of("NVRM 570"), folders());

        DoctorReport report = doctor.run(Optional.of(ckpt), Duration.ofSeconds(5));

        assertThat(report.value("Encode on GPU")).startsWith("1000.0 images/s");
        assertThat(report.value("GPU vs CPU")).isEqualTo("4.0× faster");
    }

    @Test
    void anEngineThatDoesNotLoadIsANamedProblem() {
        Doctor doctor = new Doctor(() -> {
            throw new UnsatisfiedLinkError("libtorch.so: cannot open shared object file");
        }, (c, d, b) -> 1.0, Optional::empty, folders());

        DoctorReport report = doctor.run(Optional.empty(), Duration.ofSeconds(5));

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).singleElement().asString().startsWith("engine: libtorch could not be loaded").contains("cannot open shared object");
        assertThat(report.text()).contains("PROBLEM: engine:");
    }

    @Test
    void aFailedEncodeAndAMissingCheckpointAreNamed() throws Exception {
        Path ckpt = Files.createDirectories(dir.resolve("clip"));
        Doctor failing = new Doctor(DoctorTest::cpuEngine, (c, d, b) -> {
            throw new IllegalStateException("bad weights");
        }, Optional::empty, folders());
        assertThat(failing.run(Optional.of(ckpt), Duration.ofSeconds(5)).problems())
                .containsExactly("encode on cpu failed (IllegalStateException: bad weights)");
        assertThat(failing.run(Optional.of(dir.resolve("missing")), Duration.ofSeconds(5)).problems())
                .containsExactly("checkpoint: " + dir.resolve("missing") + " does not exist");
    }
}
