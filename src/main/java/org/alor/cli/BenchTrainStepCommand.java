package org.alor.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.alor.clip.ClipConfig;
import org.alor.clip.ClipModel;
import org.alor.clip.ClipModelFactory;
import ai.djl.nn.Parameter;
import org.alor.adapt.ContrastiveTuneAdapter;
import org.alor.adapt.TuningConfig;
import org.alor.adapt.train.AdamW;
import org.alor.clip.Devices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code alor bench train-step}: contrastive-tuning step throughput of a randomly initialised ViT-B/32: forward of
 * both towers, CT loss, backward through all weights and the AdamW update of every tensor (as CT trains), with the
 * learning rates of the first iteration of the schedule.
 */
@Command(name = "train-step", mixinStandardHelpOptions = true,
        description = "Measure ViT-B/32 CT training-step throughput (forward + backward + AdamW update, random data).")
public final class BenchTrainStepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--batch", defaultValue = "32", description = "image-text pairs per step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--steps", defaultValue = "3", description = "timed steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", defaultValue = "1", description = "untimed steps first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE})")
    String device;

    @Override
    public Integer call() {
        if (batch < 2 || steps < 1 || warmup < 0) {
            spec.commandLine().getErr().println("error: --batch must be ≥ 2, --steps ≥ 1, --warmup ≥ 0");
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            Device dev = Devices.select(device);
            ClipConfig config = ClipModelFactory.vitB32QuickGelu();
            long cpuStart;
            long start;
            try (ClipModel model = ClipModel.random(config, dev, 0);
                 NDManager data = model.parameterManager().newSubManager()) {
                out.printf("ViT-B/32 (random weights, %,d trainable parameters) on %s%n",
                        model.parameterCount(), Devices.describe(dev));
                Random random = new Random(1);
                float[] pixels = BenchEncodeCommand.randomPixels(config, batch, random);
                long[] ids = randomTokens(config, batch, random);
                Parameter temperature = ContrastiveTuneAdapter.newTemperature(data);
                float loss = 0;
                try (AdamW adamW = ContrastiveTuneAdapter.optimizer(model, temperature, TuningConfig.ct())) {
                    for (int i = 0; i < warmup; i++) {
                        loss = step(model, data, pixels, ids, temperature, adamW);
                    }
                    cpuStart = CpuClock.processCpuNanos();
                    start = System.nanoTime();
                    for (int i = 0; i < steps; i++) {
                        loss = step(model, data, pixels, ids, temperature, adamW);
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                out.printf("CT step (forward + backward + AdamW, batch %d): %d steps in %.2f s = %.2f s/step, "
                        + "%.1f pairs/s (last loss %.4f)%s%s%n", batch, steps, seconds, seconds / steps,
                        steps * (double) batch / seconds, loss,
                        CpuClock.perCpuSecond(cpuStart, steps * (double) batch, "pairs"), PeakMemory.describe());
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

    /** One step; the batch is created in the step's own manager (as the trainer does) so every intermediate dies with it. */
    private static float step(ClipModel model, NDManager data, float[] pixels, long[] ids, Parameter temperature,
                              AdamW adamW) {
        ClipConfig config = model.config();
        int batch = ids.length / config.contextLength();
        float value;
        try (NDManager scope = data.newSubManager();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray x = scope.create(pixels, new Shape(batch, 3, config.imageSize(), config.imageSize()));
            NDArray t = scope.create(ids, new Shape(batch, config.contextLength()));
            NDArray loss = ContrastiveTuneAdapter.loss(model, new ParameterStore(scope, false), x, t,
                    temperature.getArray());
            collector.backward(loss);
            value = loss.getFloat();
        }
        adamW.step(new double[] {1e-6, 1e-6});
        adamW.zeroGradients();
        return value;
    }

    /** Rows like a tokenizer's: start token, random ids, end token (the highest id), zero padding. */
    static long[] randomTokens(ClipConfig config, int n, Random random) {
        int context = config.contextLength();
        long sot = config.vocabSize() - 2;
        long eot = config.vocabSize() - 1;
        long[] ids = new long[n * context];
        for (int i = 0; i < n; i++) {
            int length = 3 + random.nextInt(Math.max(1, context - 3));
            ids[i * context] = sot;
            for (int j = 1; j < length - 1; j++) {
                ids[i * context + j] = 1 + random.nextInt((int) sot - 1);
            }
            ids[i * context + length - 1] = eot;
        }
        return ids;
    }
}
