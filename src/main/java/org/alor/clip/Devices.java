package org.alor.clip;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;

import java.util.Locale;

/** Chooses the compute device from a user preference and describes it for the UI/CLI. */
public final class Devices {
    private Devices() {
    }

    /**
     * @param preference "auto" (first GPU when the engine sees one, else CPU), "cpu", "gpu" or "gpu:N"
     * @throws IllegalArgumentException for an unknown preference or a GPU that is not there
     */
    public static Device select(String preference) {
        String p = preference == null ? "auto" : preference.trim().toLowerCase(Locale.ROOT);
        int gpus = Engine.getInstance().getGpuCount();
        switch (p) {
            case "auto":
                return gpus > 0 ? Device.gpu(0) : Device.cpu();
            case "cpu":
                return Device.cpu();
            case "gpu":
            case "cuda":
                return gpu(0, gpus);
            default:
                if (p.startsWith("gpu:") || p.startsWith("cuda:")) {
                    try {
                        return gpu(Integer.parseInt(p.substring(p.indexOf(':') + 1)), gpus);
                    } catch (NumberFormatException e) {
                        // fall through to the error below
                    }
                }
                throw new IllegalArgumentException("unknown device '" + preference
                        + "' (use auto, cpu, gpu or gpu:N)");
        }
    }

    private static Device gpu(int id, int gpus) {
        if (id < 0 || id >= gpus) {
            throw new IllegalArgumentException("GPU " + id + " is not available (the engine sees " + gpus
                    + " GPU(s)); use --device cpu");
        }
        return Device.gpu(id);
    }

    /** "CPU, 2 threads" or "GPU 0: NVIDIA RTX A4000 (compute 8.6)" (name when the engine reports one). */
    public static String describe(Device device) {
        if (device.isGpu()) {
            String name = "";
            try {
                name = ": compute capability " + CudaUtils.getComputeCapability(device.getDeviceId());
            } catch (RuntimeException | LinkageError e) {
                // the CUDA runtime may not expose details; the id alone is still useful
            }
            return "GPU " + device.getDeviceId() + name;
        }
        int threads = cpuThreads();
        return "CPU, " + threads + (threads == 1 ? " thread" : " threads");
    }

    static int cpuThreads() {
        try {
            if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
                return ai.djl.pytorch.jni.JniUtils.getNumThreads();
            }
        } catch (RuntimeException | LinkageError e) {
            // fall back to the JVM's view below
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
