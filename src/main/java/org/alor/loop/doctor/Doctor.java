package org.alor.loop.doctor;

import org.alor.clip.EngineInfo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Gathers what a support request needs (Java, OS, cores, memory, DJL and libtorch, the device, an encode timed on
 * that device and on the CPU, folders and free space, the log file) and names every problem found.
 * Shared by {@code alor doctor} and the app's Help → Doctor.
 */
public final class Doctor {
    /** Below this much free space in the data or cache folder a first libtorch extraction or a project may fail. */
    static final long LOW_SPACE_BYTES = 1_000_000_000L;

    private final Supplier<EngineInfo> engine;
    private final EncodeTimer encoder;
    private final DriverProbe driver;
    private final UserFolders folders;

    public Doctor(Supplier<EngineInfo> engine, EncodeTimer encoder, DriverProbe driver, UserFolders folders) {
        this.engine = engine;
        this.encoder = encoder;
        this.driver = driver;
        this.folders = folders;
    }

    /** The real machine: DJL's engine, the CLIP encoder, the NVIDIA driver probe, this user's folders. */
    public static Doctor forThisMachine() {
        return new Doctor(EngineInfo::current, new ClipEncodeTimer(), DriverProbe.system(), UserFolders.current());
    }

    /**
     * @param checkpoint the CLIP to time (a project's, else the bundled sample's tiny CLIP); empty skips the encode
     * @param encodeBudget how long each encode runs (5 s for `alor doctor`)
     */
    public DoctorReport run(Optional<Path> checkpoint, Duration encodeBudget) {
        DoctorReport r = new DoctorReport();
        Runtime rt = Runtime.getRuntime();
        r.add("Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")");
        if (Runtime.version().feature() < 17) r.problem("Java " + Runtime.version().feature() + " is too old: ALOR Studio needs Java 17 or newer");
        r.add("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        r.add("CPU cores", String.valueOf(rt.availableProcessors()));
        String wait = org.alor.clip.OpenMpWaitPolicy.current();
        r.add("OpenMP waiting", wait.isEmpty() ? "not set (OpenMP threads spin; slow when cores are shared)"
                : org.alor.clip.OpenMpWaitPolicy.VARIABLE + "=" + wait);
        r.add("Memory", physicalMemory() + "JVM heap max " + gb(rt.maxMemory()));

        String device = "cpu";
        try {
            EngineInfo e = engine.get();
            r.add("DJL", e.djlVersion());
            r.add("Engine", e.engineName() + " " + e.libtorchVersion() + ", flavor " + e.flavor());
            r.add("libtorch", e.libtorchPath().isBlank() ? "(path not reported)" : e.libtorchPath());
            device = e.gpuCount() > 0 ? "gpu" : "cpu";
            r.add("Device", e.gpuCount() > 0 ? e.gpuCount() + " GPU(s), using GPU 0" : "CPU (no GPU seen by the engine)");
            ai.djl.Device d = e.gpuCount() > 0 ? ai.djl.Device.gpu() : ai.djl.Device.cpu();
            org.alor.loop.Precision p = org.alor.loop.Precision.defaultFor(d);
            r.add("Precision", p.key() + " by default" + (p == org.alor.loop.Precision.BF16
                    ? " (this device runs bf16 fast; --precision fp32 or `alor set --precision fp32` to change)"
                    : " (" + org.alor.clip.Bf16Support.whyNot(d) + ")"));
        } catch (RuntimeException | LinkageError ex) {
            r.add("Engine", "failed to load");
            r.problem("engine: libtorch could not be loaded (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")");
        }
        r.add("NVIDIA driver", driver.find().map(d -> d).orElse("none found (" + DriverProbe.WHERE + ")"));

        if (checkpoint.isEmpty()) {
            r.add("Encode", "skipped (no CLIP checkpoint: give --project or --checkpoint)");
        } else if (!Files.exists(checkpoint.get())) {
            r.add("Encode", "skipped");
            r.problem("checkpoint: " + checkpoint.get() + " does not exist");
        } else {
            timeEncode(r, checkpoint.get(), device, encodeBudget);
        }

        space(r, "Data folder", folders.dataDir());
        space(r, "DJL cache", folders.djlCache());
        r.add("Log file", folders.logFile().toString());
        return r;
    }

    private void timeEncode(DoctorReport r, Path checkpoint, String device, Duration budget) {
        r.add("Encode model", checkpoint.toString());
        double onDevice = timed(r, checkpoint, device, budget);
        if (device.equals("cpu")) return;
        double onCpu = timed(r, checkpoint, "cpu", budget);
        if (onDevice > 0 && onCpu > 0) r.add("GPU vs CPU", String.format(Locale.ROOT, "%.1f× faster", onDevice / onCpu));
    }

    private double timed(DoctorReport r, Path checkpoint, String device, Duration budget) {
        String name = "Encode on " + device.toUpperCase(Locale.ROOT);
        try {
            double rate = encoder.imagesPerSecond(checkpoint, device, budget);
            r.add(name, String.format(Locale.ROOT, "%.1f images/s (%d s)", rate, budget.toSeconds()));
            return rate;
        } catch (Exception | LinkageError e) {
            r.add(name, "failed");
            r.problem("encode on " + device + " failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return -1;
        }
    }

    private static void space(DoctorReport r, String name, Path dir) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) {
            r.add(name, dir + " (no existing parent)");
            return;
        }
        try {
            long free = Files.getFileStore(existing).getUsableSpace();
            r.add(name, dir + " (" + gb(free) + " free)");
            if (free < LOW_SPACE_BYTES) r.problem("low disk space: " + dir + " has only " + gb(free) + " free (1 GB or more needed)");
        } catch (IOException e) {
            r.add(name, dir + " (free space unknown: " + e.getMessage() + ")");
        }
    }

    private static String physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return gb(os.getTotalMemorySize()) + " physical, " + gb(os.getFreeMemorySize()) + " free; ";
        }
        return "";
    }

    static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
