package org.alor.loop.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds an NVIDIA driver: its version line, or empty when there is none. Injected so tests need no GPU. */
public interface DriverProbe {
    String WHERE = "no /proc/driver/nvidia/version, no nvidia-smi on the PATH";

    Optional<String> find();

    /** /proc/driver/nvidia/version (Linux), else {@code nvidia-smi --query-gpu=name,driver_version} (any OS). */
    static DriverProbe system() {
        return () -> {
            Path proc = Path.of("/proc/driver/nvidia/version");
            try {
                if (Files.isReadable(proc)) {
                    String first = Files.readAllLines(proc, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
                    return Optional.of(first.isEmpty() ? "NVIDIA driver (" + proc + ")" : first);
                }
            } catch (IOException e) {
                // fall through to nvidia-smi
            }
            try {
                Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=name,driver_version", "--format=csv,noheader")
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
                    return Optional.of(out.lines().findFirst().orElse(out));
                }
            } catch (IOException e) {
                // no nvidia-smi
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        };
    }
}
