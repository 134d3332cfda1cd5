package org.alor.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.alor.clip.ClipConfig;
import org.alor.clip.ClipModel;
import org.alor.clip.ClipModelFactory;
import ai.djl.nn.Parameter;
import org.alor.adapt.ContrastiveTuneAdapter;
import org.alor.adapt.ImageBatch;
import org.alor.adapt.TuningConfig;
import org.alor.adapt.train.AdamW;
import org.alor.adapt.train.BatchRequest;
import org.alor.adapt.train.BatchSource;
import org.alor.adapt.train.ModelSelection;
import org.alor.adapt.train.StepProgress;
import org.alor.adapt.train.Trainer;
import org.alor.adapt.train.TrainingConfig;
import org.alor.adapt.train.TrainingListener;
import org.alor.clip.ComputeType;
import org.alor.clip.Devices;
import org.alor.loop.Precision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code alor bench train-step}: contrastive-tuning step throughput of a randomly initialised ViT-B/32, timing CT's
 * own training step ({@link ContrastiveTuneAdapter#trainStep}) run by the adapt {@link Trainer}: forward of both
 * towers, CT loss, backward through all weights and the AdamW update of every tensor, at the groups' peak rates.
 */
@Command(name = "train-step", mixinStandardHelpOptions = true,
        description = "Measure ViT-B/32 CT training-step throughput (forward + backward + AdamW update, random data).")
public final class BenchTrainStepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BenchOptions bench = new BenchOptions();

    @Option(names = "--batch", defaultValue = "32", description = "image-text pairs per step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--steps", defaultValue = "3", description = "timed steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Override
    public Integer call() {
        if (batch < 2 || steps < 1 || bench.warmup < 0) {
            spec.commandLine().getErr().println("error: --batch must be ≥ 2, --steps ≥ 1, --warmup ≥ 0");
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            Device dev = Devices.select(bench.device);
            ClipConfig config = ClipModelFactory.vitB32QuickGelu();
            Precision precision = bench.precision(spec.commandLine(), dev);
            try (ClipModel model = ClipModel.random(config, dev, 0);
                 NDManager data = model.parameterManager().newSubManager()) {
                out.printf("ViT-B/32 (random weights, %,d trainable parameters) on %s%n",
                        model.parameterCount(), Devices.describe(dev));
                Random random = new Random(1);
                long[][][] prompts = new long[batch][1][];
                long[] ids = randomTokens(config, batch, random);
                for (int i = 0; i < batch; i++) {
                    prompts[i][0] = Arrays.copyOfRange(ids, i * config.contextLength(), (i + 1) * config.contextLength());
                }
                RandomImages images = new RandomImages(config, BenchEncodeCommand.randomPixels(config, batch, random));
                Parameter temperature = ContrastiveTuneAdapter.newTemperature(data);
                // bf16 first: each phase's peak is measured from a reset high-water mark, and memory the allocator
                // kept from an earlier phase would count in a later one's
                List<ComputeType> phases = precision == Precision.BF16
                        ? List.of(ComputeType.BF16, ComputeType.FP32) : List.of(ComputeType.FP32);
                Map<ComputeType, double[]> measured = new EnumMap<>(ComputeType.class);
                try (AdamW adamW = ContrastiveTuneAdapter.optimizer(model, temperature, TuningConfig.ct())) {
                    for (ComputeType type : phases) {
                        model.setComputeType(type);
                        boolean reset = PeakMemory.reset();
                        StepClock clock = new StepClock(bench.warmup, out);
                        Trainer.builder(new RandomBatches(images, batch * (bench.warmup + steps), batch),
                                        ContrastiveTuneAdapter.trainStep(model, temperature, prompts), adamW,
                                        TrainingConfig.of(1, batch, 1).withSelection(ModelSelection.LAST_EPOCH))
                                .listener(clock).build().fit(data);
                        double seconds = clock.timedSeconds();
                        out.printf("CT step %s (forward + backward + AdamW, batch %d): %d steps in %.2f s = %.2f s/step, "
                                + "%.1f pairs/s (last loss %.4f)%s%s%n", type.key(), batch, steps, seconds, seconds / steps,
                                steps * (double) batch / seconds, clock.lastLoss(),
                                CpuClock.perCpuSecond(clock.timedCpuStart(), steps * (double) batch, "pairs"),
                                reset || phases.size() == 1 ? PeakMemory.describe() : "");
                        measured.put(type, new double[] {seconds / steps,
                                reset ? PeakMemory.peakResidentBytes().orElse(-1) : -1});
                    }
                }
                if (measured.size() == 2) {
                    double[] b = measured.get(ComputeType.BF16);
                    double[] f = measured.get(ComputeType.FP32);
                    out.printf("ratio bf16/fp32 CT step speed %.2f%s%n", f[0] / b[0],
                            b[1] > 0 && f[1] > 0 ? String.format(", peak memory (VmHWM) %.2f", b[1] / f[1]) : "");
                }
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

    /** The same random pixels for every pair; the prompts differ (pair i is its own class). */
    private record RandomImages(ClipConfig config, float[] pixels) {
        ImageBatch load(NDManager manager, int[] indices, int batch) {
            int b = indices.length;
            int s = config.imageSize();
            float[] x = Arrays.copyOf(pixels, b * 3 * s * s);
            long[] labels = new long[b];
            int[] classes = new int[b];
            long[] seeds = new long[b];
            for (int i = 0; i < b; i++) {
                classes[i] = indices[i] % batch;
                labels[i] = classes[i];
                seeds[i] = indices[i];
            }
            return new ImageBatch(manager.create(x, new Shape(b, 3, s, s)), manager.create(labels), classes, seeds);
        }
    }

    private record RandomBatches(RandomImages images, int size, int batch) implements BatchSource<ImageBatch> {
        @Override
        public ImageBatch load(NDManager manager, BatchRequest request) {
            return images.load(manager, request.indices(), batch);
        }
    }

    /** Times the steps after the warm-up ones from the trainer's own step events. */
    private static final class StepClock implements TrainingListener {
        private final int warmup;
        private final PrintWriter out;
        private long start = System.nanoTime();
        private long cpuStart = CpuClock.processCpuNanos();
        private long end;
        private int seen;
        private double lastLoss = Double.NaN;

        StepClock(int warmup, PrintWriter out) {
            this.warmup = warmup;
            this.out = out;
        }

        @Override
        public void onStep(StepProgress progress) {
            seen++;
            lastLoss = progress.loss();
            end = System.nanoTime();
            if (seen == warmup) {
                start = end;
                cpuStart = CpuClock.processCpuNanos();
            }
        }

        @Override
        public void onNotice(String message) {
            out.println(message);
        }

        double timedSeconds() {
            return (end - start) / 1e9;
        }

        long timedCpuStart() {
            return cpuStart;
        }

        double lastLoss() {
            return lastLoss;
        }
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
