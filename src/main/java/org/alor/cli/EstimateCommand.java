package org.alor.cli;

import java.util.concurrent.CancellationException;
import org.alor.loop.estimate.EstimateText;
import org.alor.loop.estimate.ProjectEstimate;
import org.alor.store.ProjectStore;
import org.alor.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code alor estimate}: how long retrieval ranking, embedding, each method's round and the paper's grid take. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = "Estimate how long ranking, embedding, one round of LP, FT, CT and PT and the paper's grid take"
                + " on this project, in fp32 and bf16, from its sizes and rates measured now by a short calibration on"
                + " the device (cached in the project; --recalibrate measures again), or from the H200 anchors.")
public final class EstimateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT_DIR")
    Path projectDir;

    @Option(names = "--device", defaultValue = "auto", description = "Device to calibrate: auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--calibrate-seconds", paramLabel = "S", defaultValue = "40",
            description = "Rough time budget of the calibration (default: ${DEFAULT-VALUE}).")
    double calibrateSeconds;

    @Option(names = "--recalibrate", description = "Measure again even when the project has this device's rates cached.")
    boolean recalibrate;

    @Option(names = "--anchors", paramLabel = "h200", description = "Use the reference PyTorch code's GPU rates (ViT-B/32 on"
            + " an H200) scaled by FLOPs to this project's CLIP instead of measuring.")
    String anchors;

    @Option(names = "--rates", paramLabel = "FILE", description = "Use rates saved with --save-rates (e.g. on another machine).")
    Path ratesFile;

    @Option(names = "--save-rates", paramLabel = "FILE", description = "Also write the rates used to FILE (JSON).")
    Path saveRates;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(projectDir.resolve(ProjectStore.DATABASE_FILE))) {
            return usage(err, projectDir + " is not an ALOR project (no " + ProjectStore.DATABASE_FILE + ")");
        }
        ProjectEstimate.Request request;
        try {
            request = new ProjectEstimate.Request(device, calibrateSeconds, recalibrate, anchors, ratesFile);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        try (CancelOnInterrupt ctrlC = CancelOnInterrupt.install(); ProjectStore store = ProjectStore.open(projectDir)) {
            store.requireIntact();
            ProjectEstimate.Result r = ProjectEstimate.estimate(store, request, line -> {
                out.println("  measured: " + line);
                out.flush();
            }, ctrlC.token());
            EstimateText.lines(r).forEach(out::println);
            if (saveRates != null) {
                Files.writeString(saveRates, r.rates().toJson());
                out.println("rates written to " + saveRates);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        } catch (CancellationException e) {
            err.println("alor estimate: interrupted; nothing was saved");
            return 1;
        } catch (IOException | UncheckedIOException | IllegalStateException | StoreException e) {
            err.println("alor estimate: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int usage(PrintWriter err, String message) {
        err.println("alor estimate: " + message);
        err.flush();
        return 2;
    }
}
