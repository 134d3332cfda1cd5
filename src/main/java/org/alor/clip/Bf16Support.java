package org.alor.clip;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Whether a device runs bfloat16 matrix products fast: a CUDA GPU of compute capability 8.0 or newer (Ampere on), or
 * a CPU whose flags (Linux {@code /proc/cpuinfo}) include {@code avx512_bf16} or {@code amx_bf16}. Elsewhere bf16
 * would be emulated and slower than fp32. Detected once per process.
 */
public final class Bf16Support {
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
    private static volatile Boolean cpu;

    private Bf16Support() {
    }

    public static boolean isFast(Device device) {
        if (device.isGpu()) return gpu(device);
        if (!Device.Type.CPU.equals(device.getDeviceType())) return false;
        Boolean c = cpu;
        if (c == null) cpu = c = cpuHasBf16(CPU_INFO);
        return c;
    }

    /** Why {@code device} has no fast bf16 (for a disabled choice's tooltip), or "" when it has. */
    public static String whyNot(Device device) {
        if (isFast(device)) return "";
        if (device.isGpu()) return "this GPU has no fast bf16 (it needs compute capability 8.0, Ampere or newer)";
        return "this CPU has no AVX-512 BF16 or AMX instructions, so bf16 would be slower than fp32";
    }

    static boolean cpuHasBf16(Path cpuInfo) {
        try (var lines = Files.lines(cpuInfo)) {
            return lines.filter(l -> l.startsWith("flags"))
                    .findFirst()
                    .map(l -> Set.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+")))
                    .map(flags -> flags.contains("avx512_bf16") || flags.contains("amx_bf16"))
                    .orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean gpu(Device device) {
        try {
            String cc = CudaUtils.getComputeCapability(device.getDeviceId());
            return Integer.parseInt(cc.replace(".", "")) >= 80;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
