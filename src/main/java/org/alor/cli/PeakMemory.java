package org.alor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The process's peak resident memory (Linux {@code VmHWM}): Java heap and libtorch's native tensors together, which is
 * what decides whether a training batch fits.
 */
final class PeakMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private PeakMemory() {
    }

    /** Peak resident set size in bytes, empty where {@code /proc} does not tell (not Linux). */
    static OptionalLong peakResidentBytes() {
        return peakResidentBytes(STATUS);
    }

    static OptionalLong peakResidentBytes(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                    if (parts.length == 2 && parts[1].equals("kB")) return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /**
     * Resets the high-water mark to the current resident size (Linux: "5" into {@code /proc/self/clear_refs}), so the
     * next peak is that of the work that follows; false where that is not possible.
     */
    static boolean reset() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** " peak memory 6.86 GB" or "" when unknown. */
    static String describe() {
        OptionalLong peak = peakResidentBytes();
        return peak.isPresent() ? String.format("; peak memory %.2f GB", peak.getAsLong() / 1e9) : "";
    }
}
