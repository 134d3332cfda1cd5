package org.alor.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.alor.clip.ClipConfig;
import org.alor.clip.ComputeType;
import org.alor.loop.Precision;
import org.alor.clip.ClipEncoder;
import org.alor.clip.ClipModel;
import org.alor.clip.ClipModelFactory;
import org.alor.clip.Devices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Callable;

/** {@code alor bench encode}: image-encoding throughput of a randomly initialised ViT-B/32 (model only). */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Measure ViT-B/32 image encoding throughput (random weights, random pixels; no decoding).")
public final class BenchEncodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BenchOptions bench = new BenchOptions();

    @Option(names = "--batch", defaultValue = "32", description = "images per batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--batches", defaultValue = "5", description = "timed batches (default: ${DEFAULT-VALUE})")
    int batches;

    @Option(names = "--pipeline", paramLabel = "IMAGES_DIR",
            description = "Also time decoding real images from IMAGES_DIR: decode pipeline on (parallel, overlapped) vs off.")
    Path pipelineImages;

    @Option(names = "--threads", defaultValue = "2", description = "decode threads with --pipeline (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--torchscript", paramLabel = "DIR", description = "Also time the same ViT-B/32 as TorchScript, interleaved:"
            + " DIR/" + EncodeRace.TORCHSCRIPT_FP32 + " and DIR/" + EncodeRace.TORCHSCRIPT_BF16 + " (made by"
            + " make_vitb32_torchscript.py with Debian's python3-torch); prints ours/TorchScript.")
    Path torchScript;

    @Option(names = "--rounds", defaultValue = "3", description = "interleaved rounds when comparing (default: ${DEFAULT-VALUE})")
    int rounds;

    @Override
    public Integer call() {
        if (pipelineImages != null) {
            if (batch < 1 || batches < 1 || threads < 1) {
                spec.commandLine().getErr().println("error: --batch, --batches and --threads must be ≥ 1");
                return 2;
            }
            return new PipelineBench(spec, batch, batches, threads, bench.device).run(pipelineImages);
        }
        if (batch < 1 || batches < 1 || bench.warmup < 0) {
            spec.commandLine().getErr().println("error: --batch and --batches must be ≥ 1, --warmup ≥ 0");
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            Device dev = Devices.select(bench.device);
            ClipConfig config = ClipModelFactory.vitB32QuickGelu();
            Precision precision = bench.precision(spec.commandLine(), dev);
            if (precision == Precision.BF16 || torchScript != null) return race(out, dev, config, precision);
            long t0 = System.nanoTime();
            try (ClipModel model = ClipModel.random(config, dev, 0)) {
                out.printf("ViT-B/32 (random weights, %,d parameters) built in %.1f s on %s%n",
                        model.parameterCount(), (System.nanoTime() - t0) / 1e9, Devices.describe(dev));
                ClipEncoder encoder = new ClipEncoder(model, batch);
                float[] pixels = randomPixels(config, batch, new Random(1));
                for (int i = 0; i < bench.warmup; i++) {
                    encoder.encodeImages(pixels, batch);
                }
                long cpuStart = CpuClock.processCpuNanos();
                long start = System.nanoTime();
                for (int i = 0; i < batches; i++) {
                    encoder.encodeImages(pixels, batch);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                out.printf("image encoding: %d batches × %d images in %.2f s = %.1f images/s (%.0f ms/batch)%s%n",
                        batches, batch, seconds, batches * (double) batch / seconds, 1000 * seconds / batches,
                        CpuClock.perCpuSecond(cpuStart, batches * (double) batch, "images"));
            }
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    /** Ours in fp32 (and bf16 when asked) and the TorchScript files in {@link #torchScript}, interleaved. */
    private int race(PrintWriter out, Device dev, ClipConfig config, Precision precision) {
        if (batch < 1 || batches < 1 || rounds < 1 || bench.warmup < 0) {
            spec.commandLine().getErr().println("error: --batch, --batches and --rounds must be ≥ 1, --warmup ≥ 0");
            return 2;
        }
        try (ClipModel model = ClipModel.random(config, dev, 0); EncodeRace race = new EncodeRace();
             NDManager data = model.parameterManager().newSubManager()) {
            out.printf("ViT-B/32 (random weights, %,d parameters) on %s; batch %d, %d batches per round%n",
                    model.parameterCount(), Devices.describe(dev), batch, batches);
            race.addOurs("ours fp32", model, ComputeType.FP32);
            if (precision == Precision.BF16) race.addOurs("ours bf16", model, ComputeType.BF16);
            if (torchScript != null) {
                boolean any = race.addTorchScript("torchscript fp32", torchScript, EncodeRace.TORCHSCRIPT_FP32);
                if (precision == Precision.BF16) {
                    any |= race.addTorchScript("torchscript bf16", torchScript, EncodeRace.TORCHSCRIPT_BF16);
                }
                if (!any) {
                    spec.commandLine().getErr().println("error: no " + EncodeRace.TORCHSCRIPT_FP32 + " or "
                            + EncodeRace.TORCHSCRIPT_BF16 + " in " + torchScript);
                    return 1;
                }
            }
            NDArray pixels = data.create(randomPixels(config, batch, new Random(1)),
                    new Shape(batch, 3, config.imageSize(), config.imageSize()));
            EncodeRace.print(out, race.run(pixels, bench.warmup, rounds, batches));
            out.println("(absolute speeds drift with the machine's load; the ratios of one run are the measurement)");
            return 0;
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
    }

    static float[] randomPixels(ClipConfig config, int n, Random random) {
        float[] pixels = new float[n * 3 * config.imageSize() * config.imageSize()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        return pixels;
    }
}
