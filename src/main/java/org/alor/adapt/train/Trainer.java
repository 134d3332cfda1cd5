package org.alor.adapt.train;

import org.alor.job.CancellationToken;
import org.alor.clip.NoGradient;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;

/**
 * The generic epoch loop shared by LP, FT, CT, PT and the tiny-CLIP pretraining. Per epoch it
 * shuffles the example indices (seeded), cuts them into batches, loads them (optionally one or two
 * ahead on a background thread), runs the {@link TrainStep} forward pass inside a gradient
 * collector, back-propagates the mean loss, steps the optimiser with the schedule's learning rates
 * and zeroes the gradients. After each epoch it evaluates and calls the {@link Snapshotter} when the
 * model becomes the selected one.
 *
 * <p>Gradient accumulation: with k micro-batches the loss of a micro-batch of m examples out of a
 * batch of b is scaled by m/b before {@code backward}, so the summed gradient equals the gradient of
 * the full-batch mean loss for any loss that is a mean over examples (not for the CLIP contrastive
 * loss, whose negatives are the rest of the micro-batch). When a micro-batch fails with an
 * out-of-memory engine error, k doubles and the batch is retried; when even micro-batches of one
 * example fail, {@link BatchDoesNotFitException} is thrown.
 *
 * <p>DJL allows one open gradient collector per JVM, so trainers running on several threads take turns: each
 * step's forward and backward passes run under one JVM-wide lock (evaluation and optimiser updates do not).
 *
 * <p>A step whose loss or accumulated gradient is NaN or infinite is skipped (the weights stay as they were, the
 * schedule still advances) and reported as a notice; {@value #MAX_CONSECUTIVE_SKIPS} such steps in a row stop the
 * training with {@link NonFiniteTrainingException}. The epoch's mean loss counts only the steps taken.
 *
 * <p>Resuming: after each finished epoch the {@link EpochCheckpointer} gets a {@link TrainerState}; a trainer built
 * with {@link Builder#resumeFrom} (weights, optimiser state and snapshot put back by the caller) continues with the
 * next epoch. Nothing else carries over between epochs: the shuffle, augmentation and template choices are seeded by
 * (seed, epoch, step) and the schedule by the iteration, so a resumed run takes the same steps as an uninterrupted one.
 *
 * <p>Cancellation is checked before every (micro-)batch and before evaluation; it throws
 * {@link CancellationException} after closing every manager the trainer opened.
 */
public final class Trainer<B> {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    private static final java.util.concurrent.locks.ReentrantLock COLLECTING = new java.util.concurrent.locks.ReentrantLock();
    /** Steps in a row with a non-finite loss or gradient after which training stops instead of skipping. */
    public static final int MAX_CONSECUTIVE_SKIPS = 5;

    private final BatchSource<B> source;
    private final TrainStep<B> step;
    private final ParameterOptimizer optimizer;
    private final TrainingConfig config;
    private final LearningRateSchedule schedule;
    private final Evaluator evaluator;
    private final Snapshotter snapshotter;
    private final TrainingListener listener;
    private final CancellationToken cancellation;
    private final TrainerState resumeFrom;
    private final EpochCheckpointer checkpointer;

    private Trainer(Builder<B> b) {
        this.source = b.source;
        this.step = b.step;
        this.optimizer = b.optimizer;
        this.config = b.config;
        this.schedule = b.schedule;
        this.evaluator = b.evaluator;
        this.snapshotter = b.snapshotter;
        this.listener = b.listener;
        this.cancellation = b.cancellation;
        this.resumeFrom = b.resumeFrom;
        this.checkpointer = b.checkpointer;
    }

    public static <B> Builder<B> builder(BatchSource<B> source, TrainStep<B> step, ParameterOptimizer optimizer,
                                         TrainingConfig config) {
        return new Builder<>(source, step, optimizer, config);
    }

    /**
     * Runs the whole training.
     *
     * @param manager parent of the per-batch and per-evaluation sub-managers (all closed on return)
     */
    public TrainingResult fit(NDManager manager) {
        // Autograd only inside the per-batch GradientCollector; evaluation and updates run without it.
        try (NoGradient ignored = NoGradient.enter()) {
            return run(manager);
        }
    }

    private TrainingResult run(NDManager manager) {
        int examples = source.size();
        if (examples <= 0) throw new IllegalArgumentException("there are no training examples");
        if (config.seedEngine()) Engine.getInstance().setRandomSeed((int) config.seed());
        int stepsPerEpoch = config.iterationsPerEpoch(examples);
        long totalIterations = config.totalIterations(examples);
        int microBatches = config.microBatches();
        long runStart = System.nanoTime();
        long iteration = 0;
        List<EpochSummary> summaries = new ArrayList<>();
        int selectedEpoch = -1;
        int skippedSteps = 0;
        int consecutiveSkips = 0;
        OptionalDouble selectedScore = OptionalDouble.empty();
        int firstEpoch = 0;
        if (resumeFrom != null) {
            if (resumeFrom.epochsDone() > config.epochs()) {
                throw new IllegalArgumentException("cannot resume after epoch " + resumeFrom.epochsDone() + " of a run of "
                        + config.epochs() + " epochs");
            }
            firstEpoch = resumeFrom.epochsDone();
            iteration = resumeFrom.iteration();
            microBatches = resumeFrom.microBatches();
            summaries.addAll(resumeFrom.epochs());
            selectedEpoch = resumeFrom.selectedEpoch();
            selectedScore = resumeFrom.selectedScore();
            skippedSteps = resumeFrom.skippedSteps();
            consecutiveSkips = resumeFrom.consecutiveSkips();
        }
        long firstIteration = iteration;

        for (int epoch = firstEpoch; epoch < config.epochs(); epoch++) {
            checkCancelled();
            long epochStart = System.nanoTime();
            List<int[]> batches = BatchPlan.epochBatches(examples, config.batchSize(), config.dropLast(),
                    config.seed(), epoch);
            double lossSum = 0;
            int lossCount = 0;
            long images = 0;
            Prefetcher<B> prefetcher = open(batches, 0, microBatches, epoch, manager);
            try {
                int s = 0;
                while (s < batches.size()) {
                    checkCancelled();
                    int[] batch = batches.get(s);
                    double loss;
                    try {
                        loss = accumulate(batch, microBatches, prefetcher, epoch, s);
                    } catch (RuntimeException e) {
                        if (!OutOfMemory.isOutOfMemory(e)) throw e;
                        optimizer.zeroGradients();
                        prefetcher.close();
                        int largest = BatchPlan.largestChunk(batch.length, microBatches);
                        if (largest <= 1) {
                            throw new BatchDoesNotFitException("out of memory even with one example per micro-batch"
                                    + " (batch " + batch.length + " split into " + batch.length + "×1); lower --batch,"
                                    + " free device memory or train on the CPU", e);
                        }
                        microBatches = Math.min(microBatches * 2, config.batchSize());
                        notice(String.format("batch %d does not fit, accumulating %d×%d", batch.length,
                                Math.min(microBatches, batch.length), BatchPlan.largestChunk(batch.length, microBatches)));
                        prefetcher = open(batches, s, microBatches, epoch, manager);
                        continue;
                    }
                    double[] rates = schedule.learningRates(iteration, optimizer);
                    Optional<String> problem = Double.isFinite(loss) ? optimizer.firstNonFiniteGradient()
                            .map(name -> "the gradient of " + name + " became non-finite")
                            : Optional.of("the loss became " + loss);
                    if (problem.isEmpty()) {
                        optimizer.step(rates);
                        consecutiveSkips = 0;
                        lossSum += loss;
                        lossCount++;
                    } else {
                        skippedSteps++;
                        consecutiveSkips++;
                        String where = " at epoch " + (epoch + 1) + ", step " + (s + 1);
                        if (consecutiveSkips >= MAX_CONSECUTIVE_SKIPS) {
                            optimizer.zeroGradients();
                            throw new NonFiniteTrainingException(problem.get() + where + ", and in the "
                                    + (consecutiveSkips - 1) + " steps before it; lower the learning rate");
                        }
                        notice(problem.get() + where + "; that step was skipped (weights unchanged)");
                    }
                    optimizer.zeroGradients();
                    iteration++;
                    images += batch.length;
                    double epochSeconds = seconds(epochStart);
                    double perIteration = seconds(runStart) / (iteration - firstIteration);
                    listener.onStep(new StepProgress(epoch, config.epochs(), s, stepsPerEpoch, loss, rates[0],
                            images / Math.max(epochSeconds, 1e-9), perIteration * (totalIterations - iteration),
                            Math.min(microBatches, batch.length)));
                    s++;
                }
            } finally {
                prefetcher.close();
            }

            boolean last = epoch == config.epochs() - 1;
            OptionalDouble score = OptionalDouble.empty();
            if (evaluator != null && (config.selection() == ModelSelection.BEST_VALIDATION || last)) {
                checkCancelled();
                try (NDManager evalManager = manager.newSubManager()) {
                    score = Objects.requireNonNull(evaluator.evaluate(evalManager, epoch), "evaluator returned null");
                }
            }
            boolean selected;
            if (config.selection() == ModelSelection.LAST_EPOCH) {
                selected = last;
            } else if (score.isPresent()) {
                selected = selectedScore.isEmpty() || score.getAsDouble() >= selectedScore.getAsDouble();
            } else {
                selected = selectedScore.isEmpty();
            }
            if (selected) {
                selectedEpoch = epoch;
                selectedScore = score;
                if (snapshotter != null) snapshotter.snapshot(epoch, score);
            }
            EpochSummary summary = new EpochSummary(epoch, lossCount == 0 ? Double.NaN : lossSum / lossCount, score, seconds(epochStart), selected);
            summaries.add(summary);
            if (checkpointer != null) {
                checkpointer.epochFinished(new TrainerState(epoch + 1, iteration, microBatches, skippedSteps,
                        consecutiveSkips, selectedEpoch, selectedScore, summaries));
            }
            listener.onEpoch(summary);
        }
        return new TrainingResult(selectedEpoch, selectedScore, summaries, iteration, microBatches, skippedSteps);
    }

    /** Forward + backward of every micro-batch of one batch; returns the batch's mean loss. */
    private double accumulate(int[] batch, int microBatches, Prefetcher<B> prefetcher, int epoch, int stepIndex) {
        // DJL's PyTorch engine allows one open GradientCollector per JVM: trainers on parallel threads (e.g. the
        // runs of an experiment) take turns step by step instead of failing
        COLLECTING.lock();
        try {
            return accumulateLocked(batch, microBatches, prefetcher, epoch, stepIndex);
        } finally {
            COLLECTING.unlock();
        }
    }

    private double accumulateLocked(int[] batch, int microBatches, Prefetcher<B> prefetcher, int epoch, int stepIndex) {
        int parts = Math.min(microBatches, batch.length);
        double total = 0;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            for (int c = 0; c < parts; c++) {
                checkCancelled();
                Prefetcher.Loaded<B> unit = prefetcher.next();
                try (NDManager unitManager = unit.manager();
                     NDScope scope = config.scopeStepArrays() ? new NDScope() : null) {
                    if (!Double.isFinite(total)) continue; // the batch is lost already: only keep the loader in step
                    NDArray loss = step.loss(unitManager, unit.batch(), collector);
                    if (loss.size() != 1) {
                        throw new IllegalStateException("the train step must return a scalar mean loss, got shape "
                                + loss.getShape());
                    }
                    double weight = (double) unit.request().size() / batch.length;
                    double value = scalarValue(loss);
                    total += weight * value;
                    if (!Double.isFinite(value)) continue; // no backward: the caller skips this step
                    if (parts == 1) {
                        collector.backward(loss);
                    } else {
                        try (NDArray scaled = org.alor.clip.Scalars.times(loss, (float) weight)) {
                            collector.backward(scaled);
                        }
                    }
                }
            }
        }
        return total;
    }

    private static double scalarValue(NDArray loss) {
        NDArray asDouble = loss.toType(DataType.FLOAT64, false);
        try {
            return asDouble.toDoubleArray()[0];
        } finally {
            if (asDouble != loss) asDouble.close();
        }
    }

    private Prefetcher<B> open(List<int[]> batches, int fromStep, int microBatches, int epoch, NDManager manager) {
        return new Prefetcher<>(source, BatchPlan.requests(batches, fromStep, microBatches, config.seed(), epoch),
                manager, config.prefetchBatches());
    }

    private void checkCancelled() {
        if (cancellation.isCancelled()) throw new CancellationException("training cancelled");
    }

    private void notice(String message) {
        LOG.warn(message);
        listener.onNotice(message);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Assembles a {@link Trainer}; only the source, step, optimiser and config are required. */
    public static final class Builder<B> {
        private final BatchSource<B> source;
        private final TrainStep<B> step;
        private final ParameterOptimizer optimizer;
        private final TrainingConfig config;
        private LearningRateSchedule schedule = LearningRateSchedule.constant();
        private Evaluator evaluator;
        private Snapshotter snapshotter;
        private TrainingListener listener = TrainingListener.NONE;
        private CancellationToken cancellation = new CancellationToken();
        private TrainerState resumeFrom;
        private EpochCheckpointer checkpointer;

        private Builder(BatchSource<B> source, TrainStep<B> step, ParameterOptimizer optimizer, TrainingConfig config) {
            this.source = Objects.requireNonNull(source, "source");
            this.step = Objects.requireNonNull(step, "step");
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Per-iteration learning rates (default: constant base rates). */
        public Builder<B> schedule(LearningRateSchedule s) {
            this.schedule = Objects.requireNonNull(s);
            return this;
        }

        public Builder<B> evaluator(Evaluator e) {
            this.evaluator = e;
            return this;
        }

        public Builder<B> snapshotter(Snapshotter s) {
            this.snapshotter = s;
            return this;
        }

        public Builder<B> listener(TrainingListener l) {
            this.listener = Objects.requireNonNull(l);
            return this;
        }

        /** Checked before every optimiser step and evaluation; cancelled → {@link CancellationException}. */
        public Builder<B> cancellation(CancellationToken t) {
            this.cancellation = Objects.requireNonNull(t);
            return this;
        }

        /**
         * Continues a run after its epoch {@code state.epochsDone()}: the caller has put back the weights, the
         * optimiser state and the snapshot of that moment; epochs before it are not trained again.
         */
        public Builder<B> resumeFrom(TrainerState state) {
            this.resumeFrom = state;
            return this;
        }

        /** Called after every finished epoch with the state to resume from. */
        public Builder<B> epochCheckpointer(EpochCheckpointer c) {
            this.checkpointer = c;
            return this;
        }

        public Trainer<B> build() {
            return new Trainer<>(this);
        }
    }
}
