package org.alor.cli;

import ai.djl.Device;
import org.alor.clip.ClipConfig;
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

    static float[] randomPixels(ClipConfig config, int n, Random random) {
        float[] pixels = new float[n * 3 * config.imageSize() * config.imageSize()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        return pixels;
    }
}
