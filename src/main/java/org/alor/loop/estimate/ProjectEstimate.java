package org.alor.loop.estimate;

import ai.djl.Device;
import org.alor.adapt.ClipBase;
import org.alor.adapt.TextTokenizer;
import org.alor.clip.Devices;
import org.alor.data.Split;
import org.alor.job.CancellationToken;
import org.alor.loop.ClassNaming;
import org.alor.loop.Method;
import org.alor.loop.ProjectCheckpoint;
import org.alor.loop.ProjectEmbedder;
import org.alor.loop.RoundSpec;
import org.alor.loop.EmbedSpec;
import org.alor.store.ProjectStore;
import org.alor.store.StoredSample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How long a project's stages take on a device: its sizes, the device's rates (cached in the project, measured by a
 * short {@link Calibration}, the GPU anchors or a rates file) and, for its finished rounds, measured against
 * estimated. Shared by {@code alor estimate} and the Runs page.
 */
public final class ProjectEstimate {
    /** Where the rates came from. */
    public enum RatesFrom { MEASURED, CACHED, ANCHORS, FILE }

    /**
     * @param device           "auto", "cpu", "gpu" or "gpu:N"
     * @param calibrateSeconds the calibration's time budget
     * @param recalibrate      measure even when the project has rates of this device cached
     * @param anchors          "h200" for the GPU anchors instead of measuring; null to measure
     * @param ratesFile        rates saved earlier ({@link DeviceRates#toJson}) instead of measuring; null to measure
     */
    public record Request(String device, double calibrateSeconds, boolean recalibrate, String anchors, Path ratesFile) {
        public static final double DEFAULT_CALIBRATION_SECONDS = 40;

        public Request {
            if (!(calibrateSeconds > 0)) throw new IllegalArgumentException("the calibration time must be positive");
            if (anchors != null && !anchors.equalsIgnoreCase(GpuAnchors.H200)) {
                throw new IllegalArgumentException("unknown anchors '" + anchors + "' (expected " + GpuAnchors.H200 + ")");
            }
            if (anchors != null && ratesFile != null) throw new IllegalArgumentException("give anchors or a rates file, not both");
        }

        public static Request of(String device) {
            return new Request(device, DEFAULT_CALIBRATION_SECONDS, false, null, null);
        }
    }

    /** A finished round beside the estimate for the same training set, epochs and precision. */
    public record Comparison(MeasuredRound measured, double estimatedSeconds) {
    }

    public record Result(ProjectSizes sizes, long clipParameters, DeviceRates rates, RatesFrom from,
                         List<MethodPlan> plans, List<StageTime> stages, List<Comparison> comparisons) {
        public Estimator estimator() {
            return new Estimator(sizes, rates);
        }
    }

    private ProjectEstimate() {
    }

    /**
     * @throws IOException           naming the checkpoint when it cannot be read
     * @throws IllegalStateException when the project has no checkpoint or no image file to calibrate with
     */
    public static Result estimate(ProjectStore store, Request request, Consumer<String> log, CancellationToken token)
            throws IOException {
        Device device = Devices.select(request.device());
        try (ProjectCheckpoint cp = ProjectCheckpoint.open(store, device)) {
            ProjectSizes sizes = ProjectSizes.read(store, cp.config());
            List<MethodPlan> plans = Estimator.paperMethods(store.settings());
            RatesFrom from;
            DeviceRates rates;
            String deviceKind = deviceKind(device);
            if (request.ratesFile() != null) {
                rates = readRates(request.ratesFile());
                from = RatesFrom.FILE;
            } else if (request.anchors() != null) {
                double lp = calibration(store, cp, request, log, token).lpSamplesPerSecond();
                rates = GpuAnchors.h200(cp.config(), sizes.classes(), lp, sizes.classes(), cp.config().embedDim());
                from = RatesFrom.ANCHORS;
            } else {
                var cached = request.recalibrate() ? java.util.Optional.<DeviceRates>empty()
                        : RatesCache.load(store.settings(), deviceKind, cp.hash());
                if (cached.isPresent()) {
                    rates = cached.get();
                    from = RatesFrom.CACHED;
                } else {
                    rates = calibration(store, cp, request, log, token).run(plan(plans, Method.FT), plan(plans, Method.CT),
                            plan(plans, Method.PT));
                    RatesCache.save(store.settings(), deviceKind,
                            new RatesCache.Entry(cp.hash(), cp.config(), cp.model().parameterCount(), rates));
                    from = RatesFrom.MEASURED;
                }
            }
            return result(store, sizes, cp.model().parameterCount(), rates, from);
        }
    }

    /**
     * The estimate from the rates cached for {@code device} with the project's current checkpoint, without loading
     * it or measuring anything; empty when the device was not calibrated with it yet.
     */
    public static Optional<Result> cached(ProjectStore store, String device) {
        return RatesCache.current(store.settings(), deviceKind(Devices.select(device))).map(e ->
                result(store, ProjectSizes.read(store, e.clip()), e.parameters(), e.rates(), RatesFrom.CACHED));
    }

    /** "cpu" or "gpuN": what the cache keeps rates per. */
    static String deviceKind(Device device) {
        return device.isGpu() ? "gpu" + device.getDeviceId() : "cpu";
    }

    private static Result result(ProjectStore store, ProjectSizes sizes, long parameters, DeviceRates rates, RatesFrom from) {
        List<MethodPlan> plans = Estimator.paperMethods(store.settings());
        Estimator estimator = new Estimator(sizes, rates);
        List<Comparison> comparisons = new ArrayList<>();
        for (MeasuredRound m : MeasuredRound.of(store)) {
            StageTime t = estimator.round(new MethodPlan(m.method(), m.epochs(), m.batchSize()), m.labeled(), m.retrieved());
            comparisons.add(new Comparison(m, m.precision().equals("bf16") ? t.bf16Seconds() : t.fp32Seconds()));
        }
        return new Result(sizes, parameters, rates, from, plans, estimator.all(plans, true), comparisons);
    }

    private static MethodPlan plan(List<MethodPlan> plans, Method m) {
        return plans.stream().filter(p -> p.method() == m).findFirst().orElseThrow();
    }

    private static DeviceRates readRates(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("rates file " + file + " does not exist");
        try {
            return DeviceRates.fromJson(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IOException("rates file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Calibration calibration(ProjectStore store, ProjectCheckpoint cp, Request request, Consumer<String> log,
                                           CancellationToken token) {
        ClipBase base = ClipBase.of(cp.loaded(), TextTokenizer.of(cp.tokenizer()), cp.model().device());
        ClassNaming naming = RoundSpec.builder(Method.CT, "tfs").optProjectSettings(store.settings()).build().naming();
        List<String> names = store.classTable().all().stream().map(naming::of).toList();
        return new Calibration(base, names, sampleImages(store, cp), request.calibrateSeconds(), log, token);
    }

    /** Up to 16 of the project's own image files (pool first), so decoding costs what it will. */
    private static List<Path> sampleImages(ProjectStore store, ProjectCheckpoint cp) {
        ProjectEmbedder embedder = new ProjectEmbedder(store, cp, EmbedSpec.builder().build());
        List<Path> out = new ArrayList<>();
        for (Split split : List.of(Split.POOL, Split.VAL, Split.TEST, Split.RETRIEVED)) {
            for (StoredSample s : store.sampleTable().bySplit(split)) {
                if (out.size() >= 16) return out;
                Path f = embedder.file(s);
                if (Files.isRegularFile(f)) out.add(f);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "no image file of project %s could be found to"
                    + " calibrate with (check its dataset root)", store.dir()));
        }
        return out;
    }
}
