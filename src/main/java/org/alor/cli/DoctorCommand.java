package org.alor.cli;

import org.alor.loop.doctor.Doctor;
import org.alor.loop.doctor.DoctorReport;
import org.alor.loop.doctor.GpuSwitch;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import org.alor.synth.BundledSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code alor doctor}: what a support request needs, exit 1 with the named causes when something is wrong. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Print Java, OS, cores, memory, DJL/libtorch, the device, a timed encode on it vs the CPU, folders,"
                + " free space and the log file; exit 1 naming each problem found.",
                "--gpu: use an NVIDIA GPU (checks the driver, downloads DJL's CUDA libtorch once, then the next start uses it)."})
public final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--project", paramLabel = "DIR", description = "time the encode with this project's CLIP (default: the sample's tiny CLIP)")
    Path project;

    @Option(names = "--checkpoint", paramLabel = "PATH", description = "time the encode with this CLIP checkpoint")
    Path checkpoint;

    @Option(names = "--seconds", defaultValue = "5", description = "length of each timed encode (default: ${DEFAULT-VALUE}; 0 skips it)")
    int seconds;

    @Option(names = "--gpu", description = "switch to the GPU: driver check, one-time CUDA libtorch download (about 2.6 GB)")
    boolean gpu;

    @Option(names = "--cpu", description = "switch back to the bundled CPU libtorch from the next start")
    boolean cpu;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (gpu && cpu) {
            err.println("error: --gpu and --cpu exclude each other");
            return 2;
        }
        if (cpu) {
            GpuSwitch.forgetChoice(org.alor.loop.doctor.UserFolders.current());
            out.println("The next start uses the bundled CPU libtorch.");
            return 0;
        }
        if (gpu) return switchToGpu(out, err);
        if (seconds < 0) {
            err.println("error: --seconds must be ≥ 0");
            return 2;
        }
        Optional<Path> model = seconds == 0 ? Optional.empty() : encodeModel();
        DoctorReport report = Doctor.forThisMachine().run(model, Duration.ofSeconds(seconds));
        out.print(report.text());
        out.flush();
        if (report.ok()) return 0;
        err.println("doctor: " + String.join("; ", report.problems()));
        return 1;
    }

    private Optional<Path> encodeModel() {
        if (checkpoint != null) return Optional.of(checkpoint);
        if (project != null) {
            try (ProjectStore store = ProjectStore.open(project)) {
                return store.settings().getPath(Settings.CHECKPOINT);
            } catch (Exception e) {
                throw new IllegalArgumentException(project + ": not an ALOR project (" + e.getMessage() + ")");
            }
        }
        return BundledSample.tinyClip();
    }

    private int switchToGpu(PrintWriter out, PrintWriter err) {
        GpuSwitch gpuSwitch = GpuSwitch.forThisMachine();
        if (gpuSwitch.driver().isEmpty()) {
            err.println(GpuSwitch.noDriverMessage());
            return 1;
        }
        out.println(gpuSwitch.explanation());
        out.flush();
        GpuSwitch.Outcome outcome = gpuSwitch.enable(bytes -> {
            out.printf(Locale.ROOT, "\rdownloaded %.2f GB", bytes / 1e9);
            out.flush();
        });
        out.println();
        (outcome.ready() ? out : err).println(outcome.message());
        return outcome.ready() ? 0 : 1;
    }
}
