package org.alor.loop.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * "Use an NVIDIA GPU" (Settings, {@code alor doctor --gpu}): checks for a driver, downloads DJL's CUDA libtorch once
 * into DJL's cache and remembers the choice, so the next engine start (app restart, next command) runs on the GPU.
 * Whatever fails leaves the CPU engine as it is and says why.
 */
public final class GpuSwitch {
    /** DJL's CUDA 12.8 build of the bundled libtorch 2.7.1. */
    public static final String FLAVOR = "cu128";
    /** The download's size, as DJL publishes it for linux-x86_64 (shown before asking; the bar counts real bytes). */
    public static final long APPROX_DOWNLOAD_BYTES = 2_600_000_000L;
    static final String CHOICE_FILE = "pytorch-flavor";

    public enum Status { NO_DRIVER, DOWNLOAD_FAILED, READY }

    public record Outcome(Status status, String message) {
        public boolean ready() {
            return status == Status.READY;
        }
    }

    private final DriverProbe driver;
    private final CudaDownloader downloader;
    private final UserFolders folders;

    public GpuSwitch(DriverProbe driver, CudaDownloader downloader, UserFolders folders) {
        this.driver = driver;
        this.downloader = downloader;
        this.folders = folders;
    }

    public static GpuSwitch forThisMachine() {
        return new GpuSwitch(DriverProbe.system(), new DjlCudaDownloader(), UserFolders.current());
    }

    /** The driver found, or empty with {@link #noDriverMessage()} to show. */
    public Optional<String> driver() {
        return driver.find();
    }

    public static String noDriverMessage() {
        return "No NVIDIA driver found (" + DriverProbe.WHERE + "). ALOR Studio keeps using the CPU. Install the NVIDIA"
                + " driver for your GPU, then try again.";
    }

    /** What the one-time download is, before the user agrees to it. */
    public String explanation() {
        return "ALOR Studio runs on the CPU with the libtorch it ships. To use the GPU it downloads DJL's CUDA build of"
                + " libtorch once (about " + Doctor.gb(APPROX_DOWNLOAD_BYTES) + ") into " + folders.djlCache()
                + ". The CPU engine keeps working meanwhile; the engine restarts on the GPU afterwards.";
    }

    /** Driver check, download, remembered choice. Never throws: a failure is an outcome with its cause. */
    public Outcome enable(LongConsumer bytesWritten) {
        Optional<String> found = driver.find();
        if (found.isEmpty()) return new Outcome(Status.NO_DRIVER, noDriverMessage());
        try {
            downloader.download(folders.djlCache(), FLAVOR, bytesWritten);
        } catch (Exception e) {
            String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome(Status.DOWNLOAD_FAILED, "The CUDA libtorch download failed: " + cause
                    + ". ALOR Studio keeps using the CPU; nothing else changed.");
        }
        try {
            Files.createDirectories(folders.dataDir());
            Files.writeString(folders.dataDir().resolve(CHOICE_FILE), FLAVOR + "\n");
        } catch (IOException e) {
            return new Outcome(Status.DOWNLOAD_FAILED, "Downloaded, but the choice could not be saved in "
                    + folders.dataDir() + ": " + e.getMessage() + ". ALOR Studio keeps using the CPU.");
        }
        return new Outcome(Status.READY, "GPU ready (" + found.get() + "). The engine starts on the GPU from the next start"
                + " of ALOR Studio or the next alor command.");
    }

    /**
     * Before DJL's engine loads (app and CLI main): the remembered flavor becomes {@code PYTORCH_FLAVOR} unless the
     * environment sets one. Returns the flavor applied.
     */
    public static Optional<String> applySavedChoice(UserFolders folders) {
        if (System.getenv("PYTORCH_FLAVOR") != null || System.getProperty("PYTORCH_FLAVOR") != null) return Optional.empty();
        Path choice = folders.dataDir().resolve(CHOICE_FILE);
        try {
            if (!Files.isRegularFile(choice)) return Optional.empty();
            String flavor = Files.readString(choice).trim();
            if (flavor.isEmpty()) return Optional.empty();
            System.setProperty("PYTORCH_FLAVOR", flavor);
            return Optional.of(flavor);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Back to the CPU libtorch from the next start. */
    public static void forgetChoice(UserFolders folders) throws IOException {
        Files.deleteIfExists(folders.dataDir().resolve(CHOICE_FILE));
    }
}
