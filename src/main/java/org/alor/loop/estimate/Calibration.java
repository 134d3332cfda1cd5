package org.alor.loop.estimate;

import org.alor.adapt.AdaptedModel;
import org.alor.adapt.ClipBase;
import org.alor.adapt.ContrastiveTuneAdapter;
import org.alor.adapt.FineTuneAdapter;
import org.alor.adapt.ImageFeatureEncoder;
import org.alor.adapt.LinearProbeAdapter;
import org.alor.adapt.LinearProbeConfig;
import org.alor.adapt.PromptTemplates;
import org.alor.adapt.PromptTuneAdapter;
import org.alor.adapt.TextHead;
import org.alor.adapt.TrainingImages;
import org.alor.adapt.TrainingSet;
import org.alor.adapt.TuningConfig;
import org.alor.clip.Bf16Support;
import org.alor.clip.ClipEncoder;
import org.alor.clip.ClipModel;
import org.alor.clip.ComputeType;
import org.alor.clip.Devices;
import org.alor.job.CancellationToken;
import org.alor.job.Progress;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.LongStream;

/**
 * Measures a device's rates with the code a real round runs: image files through {@link ImageFeatureEncoder}, prompts
 * through {@link ClipEncoder}, and the FT, CT and PT adapters themselves for one short epoch on random labels (the
 * sample images for FT/CT, random features for PT and LP), timing the optimiser steps after the first from the
 * adapters' own step events. A training batch is lowered below the recipe's when a step at the recipe batch would
 * not fit the time budget (the rate per image hardly depends on it; the notes say so).
 */
public final class Calibration {
    private static final int TIMED_STEPS = 2;
    private static final int LP_SAMPLES = 8192;
    /** LP epochs timed after the first (an epoch is a fraction of a second: one alone is mostly noise). */
    private static final int LP_TIMED_EPOCHS = 3;
    private static final int TEXTS = 256;
    private static final int WARM_UP = 8;

    private final ClipBase base;
    private final List<String> classNames;
    private final List<Path> images;
    private final double budgetSeconds;
    private final Consumer<String> log;
    private final CancellationToken token;
    private final List<String> notes = new ArrayList<>();

    /**
     * @param base          the project's CLIP on the device to measure
     * @param classNames    the project's class names (CT and PT prompts; PT's step cost grows with their number)
     * @param images        image files like the project's (cycled as often as needed); at least one
     * @param budgetSeconds roughly how long the whole calibration may take
     * @param log           told every rate as it is measured
     */
    public Calibration(ClipBase base, List<String> classNames, List<Path> images, double budgetSeconds,
                       Consumer<String> log, CancellationToken token) {
        if (classNames.isEmpty()) throw new IllegalArgumentException("calibration needs the class names");
        if (images.isEmpty()) throw new IllegalArgumentException("calibration needs at least one image file");
        if (!(budgetSeconds > 0)) throw new IllegalArgumentException("the calibration budget must be positive");
        this.base = base;
        this.classNames = List.copyOf(classNames);
        this.images = List.copyOf(images);
        this.budgetSeconds = budgetSeconds;
        this.log = log;
        this.token = token;
    }

    public DeviceRates run(MethodPlan ft, MethodPlan ct, MethodPlan pt) {
        long start = System.nanoTime();
        String bf16Why = Bf16Support.whyNot(base.device());
        List<ComputeType> types = bf16Why.isEmpty() ? List.of(ComputeType.FP32, ComputeType.BF16) : List.of(ComputeType.FP32);
        if (!bf16Why.isEmpty()) log.accept("bf16: not measured, " + bf16Why);
        // each precision gets its share of the budget; LP and the encoders are quick next to the training steps
        double share = budgetSeconds / types.size();
        StageRates fp32 = null;
        StageRates bf16 = null;
        for (ComputeType type : types) {
            StageRates r = measure(base.withComputeType(type), type, share, ft, ct, pt);
            if (type == ComputeType.FP32) fp32 = r;
            else bf16 = r;
        }
        double lp = lpSamplesPerSecond();
        double seconds = (System.nanoTime() - start) / 1e9;
        log.accept(String.format(Locale.ROOT, "calibration took %.1f s", seconds));
        return new DeviceRates(Devices.describe(base.device()), "measured on this machine", Instant.now().toString(),
                fp32, bf16, bf16Why, lp, classNames.size(), base.config().embedDim(), seconds, notes);
    }

    private StageRates measure(ClipBase b, ComputeType type, double share, MethodPlan ft, MethodPlan ct, MethodPlan pt) {
        String p = type.key();
        double encode;
        double texts;
        try (ClipModel model = b.newModel()) {
            encode = imagesPerSecond(model, share * 0.1);
            log.accept(String.format(Locale.ROOT, "image encoding %s: %.1f images/s (decode + preprocess + encode)", p, encode));
            texts = textsPerSecond(model, share * 0.05);
            log.accept(String.format(Locale.ROOT, "text encoding %s: %.1f texts/s", p, texts));
        }
        // a training step costs about three forward passes of its batch
        double perStepBudget = share * 0.8 / 3 / (TIMED_STEPS + 1);
        int ftBatch = fitted("FT", ft.batchSize(), (int) Math.floor(perStepBudget * encode / 3), p);
        double ftRate = imageSteps(new FineTuneAdapter(b, randomHead(), TuningConfig.ft().withEpochs(1).withBatchSize(ftBatch)),
                ftBatch, ft.batchSize(), p);
        log.accept(String.format(Locale.ROOT, "FT step %s: %.1f images/s at batch %d", p, ftRate, ft.batchSize()));
        int ctBatch = Math.max(2, fitted("CT", ct.batchSize(), (int) Math.floor(perStepBudget * encode / 3), p));
        double ctRate = imageSteps(new ContrastiveTuneAdapter(b, classNames, PromptTemplates.GENERIC,
                TuningConfig.ct().withEpochs(1).withBatchSize(ctBatch)), ctBatch, ct.batchSize(), p);
        log.accept(String.format(Locale.ROOT, "CT step %s: %.1f images/s at batch %d", p, ctRate, ct.batchSize()));
        double ptStep = ptSecondsPerStep(b, pt.batchSize(), texts, share * 0.15, p);
        log.accept(String.format(Locale.ROOT, "PT step %s: %.3f s/step with %d class prompts at batch %d", p, ptStep,
                classNames.size(), pt.batchSize()));
        return new StageRates(encode, texts, ftRate, ctRate, ptStep, classNames.size());
    }

    private int fitted(String method, int recipe, int fits, String precision) {
        if (fits * 1.5 >= recipe) return recipe; // the budget is rough: a step a little over it is kept at the recipe's batch
        int batch = Math.max(2, fits); // a full and a half batch split the fixed cost from the per-image one
        notes.add(String.format(Locale.ROOT, "%s %s measured at batch %d instead of the recipe's %d to fit the %.0f s budget",
                method, precision, batch, recipe, budgetSeconds));
        return batch;
    }

    /** A few images first (warm-up and a first guess), then as many as fit {@code seconds}: 16 to 128. */
    private double imagesPerSecond(ClipModel model, double seconds) {
        int threads = base.decodeThreads();
        long w = System.nanoTime();
        ImageFeatureEncoder.encode(model, files(WARM_UP), threads, token);
        int n = fitting(WARM_UP / seconds(w), seconds, 2 * ImageFeatureEncoder.BATCH);
        long t0 = System.nanoTime();
        ImageFeatureEncoder.encode(model, files(n), threads, token);
        return n / seconds(t0);
    }

    private double textsPerSecond(ClipModel model, double seconds) {
        int context = model.config().contextLength();
        ClipEncoder encoder = new ClipEncoder(model);
        long w = System.nanoTime();
        encoder.encodeTexts(prompts(WARM_UP, context));
        long[][] ids = prompts(fitting(WARM_UP / seconds(w), seconds, TEXTS), context);
        long t0 = System.nanoTime();
        encoder.encodeTexts(ids, Progress.NONE, token);
        return ids.length / seconds(t0);
    }

    /** Items to time: as many as {@code rate} gets through in {@code seconds}, at least 16, at most {@code max}. */
    private static int fitting(double rate, double seconds, int max) {
        return (int) Math.max(2 * WARM_UP, Math.min(max, Math.round(rate * seconds)));
    }

    private long[][] prompts(int n, int context) {
        long[][] ids = new long[n][];
        for (int i = 0; i < n; i++) {
            ids[i] = base.tokenizer().tokenize("a photo of a " + classNames.get(i % classNames.size())
                    + " seen in the wild, picture number " + i, context);
        }
        return ids;
    }

    /**
     * Images per second of an FT or CT adapter at the recipe's batch. At the recipe's batch: its steps after the first.
     * At a smaller batch (to fit the budget) the epoch ends with a half batch, and the full and half steps split a
     * step's time into a fixed part (the optimiser's update of every weight) and a part per image, which give the
     * rate at the recipe's batch.
     */
    private double imageSteps(org.alor.adapt.Adapter adapter, int batch, int recipe, String precision) {
        int half = batch < recipe ? batch / 2 : 0;
        int n = batch * (TIMED_STEPS + 1) + half;
        List<Long> ids = LongStream.range(0, n).boxed().toList();
        TrainingSet set = new TrainingSet(new float[n][0], randomLabels(n), new float[0][], new int[0], classNames.size(), 1)
                .withImages(new TrainingImages(ids, List.of(), id -> images.get((int) (id % images.size()))));
        double[] steps = timedSteps(adapter, set, TIMED_STEPS + (half > 0 ? 1 : 0));
        double full = (steps[TIMED_STEPS] - steps[0]) / TIMED_STEPS;
        if (half == 0) return batch / full;
        double perImage = (full - (steps[TIMED_STEPS + 1] - steps[TIMED_STEPS])) / (batch - half);
        double fixed = full - perImage * batch;
        if (!(perImage > 0) || fixed < 0) {
            notes.add(String.format(Locale.ROOT, "%s %s: the rate at batch %d is used for batch %d (full and half steps"
                    + " did not separate a fixed cost)", adapter.name().toUpperCase(Locale.ROOT), precision, batch, recipe));
            return batch / full;
        }
        notes.add(String.format(Locale.ROOT, "%s %s: a step at batch %d took %.2f s, at %d %.2f s: %.2f s per step + %.3f s"
                        + " per image, extrapolated to batch %d", adapter.name().toUpperCase(Locale.ROOT), precision, batch,
                full, half, steps[TIMED_STEPS + 1] - steps[TIMED_STEPS], fixed, perImage, recipe));
        return recipe / (fixed + perImage * recipe);
    }

    /**
     * A PT step sends every class prompt through the text tower and back (about three forward passes of them), whatever
     * the batch: with many classes on a slow device one step is timed instead of two.
     */
    private double ptSecondsPerStep(ClipBase b, int batch, double textsPerSecond, double seconds, String precision) {
        double guess = 3.0 * classNames.size() / textsPerSecond;
        int steps = guess * (TIMED_STEPS + 1) > seconds ? 1 : TIMED_STEPS;
        if (steps < TIMED_STEPS) {
            notes.add(String.format(Locale.ROOT, "PT %s timed over %d step (about %.1f s each with %d class prompts)",
                    precision, steps, guess, classNames.size()));
        }
        int n = batch * (steps + 1);
        TrainingSet set = new TrainingSet(randomRows(n, base.config().embedDim()), randomLabels(n), new float[0][], new int[0],
                classNames.size(), 1);
        double[] marks = timedSteps(new PromptTuneAdapter(b, classNames, TuningConfig.pt().withEpochs(1).withBatchSize(batch)),
                set, steps);
        return (marks[steps] - marks[0]) / steps;
    }

    /** When the first {@code timed} + 1 steps ended (seconds), from the adapter's own step events. */
    private double[] timedSteps(org.alor.adapt.Adapter adapter, TrainingSet set, int timed) {
        long[] marks = new long[timed + 1];
        int[] seen = {0};
        Progress clock = new Progress() {
            @Override
            public void step(int epoch, int epochs, int step, int steps, double loss, double imagesPerSecond, double eta) {
                if (seen[0] < marks.length) marks[seen[0]] = System.nanoTime();
                seen[0]++;
            }
        };
        try (AdaptedModel ignored = adapter.adapt(set, clock, token)) {
            // only the steps' times are wanted
        } catch (Exception e) {
            if (e instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e);
        }
        if (seen[0] < marks.length) {
            throw new IllegalStateException(adapter.name() + " ran " + seen[0] + " steps, " + marks.length + " were needed");
        }
        double[] out = new double[marks.length];
        for (int i = 0; i < marks.length; i++) out[i] = (marks[i] - marks[0]) / 1e9;
        return out;
    }

    /** LP's samples per second per epoch at the project's classes × embedding width (plain Java, CPU). */
    public double lpSamplesPerSecond() {
        int c = classNames.size();
        int d = base.config().embedDim();
        long[] ends = new long[LP_TIMED_EPOCHS + 1];
        Progress clock = new Progress() {
            @Override
            public void epoch(int epoch, int epochs, double valAccuracy) {
                ends[epoch - 1] = System.nanoTime();
            }
        };
        TrainingSet set = new TrainingSet(randomRows(LP_SAMPLES, d), randomLabels(LP_SAMPLES), new float[0][], new int[0], c, 1);
        new LinearProbeAdapter(randomHead(), LinearProbeConfig.standard().withEpochs(LP_TIMED_EPOCHS + 1))
                .adapt(set, clock, token);
        double rate = (double) LP_SAMPLES * LP_TIMED_EPOCHS / ((ends[LP_TIMED_EPOCHS] - ends[0]) / 1e9);
        log.accept(String.format(Locale.ROOT, "LP epoch: %.0f samples/s (%d classes × %d dimensions, Java on the CPU)",
                rate, c, d));
        return rate;
    }

    private TextHead randomHead() {
        return new TextHead(randomRows(classNames.size(), base.config().embedDim()));
    }

    private List<Path> files(int n) {
        List<Path> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(images.get(i % images.size()));
        return out;
    }

    private int[] randomLabels(int n) {
        Random random = new Random(7);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = random.nextInt(classNames.size());
        return out;
    }

    private static float[][] randomRows(int n, int d) {
        Random random = new Random(11);
        float[][] out = new float[n][d];
        for (float[] row : out) for (int j = 0; j < d; j++) row[j] = (float) random.nextGaussian();
        return out;
    }

    private static double seconds(long t0) {
        return Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
    }
}
