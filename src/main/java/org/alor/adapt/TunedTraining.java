package org.alor.adapt;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import org.alor.adapt.train.BatchSource;
import org.alor.adapt.train.EpochSummary;
import org.alor.adapt.train.Evaluator;
import org.alor.adapt.train.LearningRateSchedule;
import org.alor.adapt.train.ParameterOptimizer;
import org.alor.adapt.train.Snapshotter;
import org.alor.adapt.train.StepProgress;
import org.alor.adapt.train.TrainStep;
import org.alor.adapt.train.Trainer;
import org.alor.adapt.train.TrainingConfig;
import org.alor.adapt.train.TrainingListener;
import org.alor.adapt.train.TrainingResult;
import org.alor.clip.ClipEncoder;
import org.alor.clip.ClipModel;
import org.alor.clip.Devices;
import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pieces FT, CT and PT share: running the {@link Trainer} with a {@link Progress} and a {@link CancellationToken},
 * new parameters, prompts.
 */
final class TunedTraining {
    private static final Logger LOG = LoggerFactory.getLogger(TunedTraining.class);

    private TunedTraining() {
    }

    /** What one run recorded, for the round summary. */
    static final class History {
        final List<Double> loss = new ArrayList<>();
        final List<Double> val = new ArrayList<>();
        final List<String> notices = new ArrayList<>();
        double imagesPerSecond;
        String device;

        /** Back to what the run had recorded when {@code state} was saved. */
        void restore(org.alor.adapt.train.TrainerState state, List<String> savedNotices) {
            loss.clear();
            val.clear();
            for (EpochSummary e : state.epochs()) {
                loss.add(e.meanLoss());
                val.add(e.score().isPresent() ? e.score().getAsDouble() : null);
            }
            notices.clear();
            notices.addAll(savedNotices);
        }

        void into(Map<String, Object> summary, TrainingResult result) {
            if (device != null) summary.put("device", device);
            summary.put("best_epoch", result.selectedEpoch() + 1);
            summary.put("best_val_accuracy", result.selectedScore().isPresent() ? result.selectedScore().getAsDouble() : null);
            summary.put("val_accuracy_per_epoch", val);
            summary.put("loss_per_epoch", loss);
            summary.put("iterations", result.iterations());
            summary.put("micro_batches", result.microBatches());
            summary.put("skipped_steps", result.skippedSteps());
            summary.put("images_per_second", imagesPerSecond);
            if (!notices.isEmpty()) summary.put("notices", notices);
        }
    }

    static <B> TrainingResult fit(BatchSource<B> source, TrainStep<B> step, ParameterOptimizer optimizer,
                                  TrainingConfig config, LearningRateSchedule schedule, Evaluator evaluator,
                                  Snapshotter snapshotter, Progress progress, CancellationToken token,
                                  History history, Device device) {
        return fit(source, step, optimizer, config, schedule, evaluator, snapshotter, progress, token, history, device, null);
    }

    /**
     * As above; with a {@code checkpoint}, a saved run of the same identity is put back first and continued after its
     * last finished epoch, and every finished epoch is saved.
     */
    static <B> TrainingResult fit(BatchSource<B> source, TrainStep<B> step, ParameterOptimizer optimizer,
                                  TrainingConfig config, LearningRateSchedule schedule, Evaluator evaluator,
                                  Snapshotter snapshotter, Progress progress, CancellationToken token,
                                  History history, Device device, EpochCheckpoint checkpoint) {
        // The trainer's own listener (0-based, also used by synth's pretraining) becomes the job's 1-based Progress.
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(StepProgress p) {
                history.imagesPerSecond = p.imagesPerSecond();
                progress.step(p.epoch() + 1, p.epochs(), p.step() + 1, p.stepsPerEpoch(), p.loss(),
                        p.imagesPerSecond(), p.etaSeconds());
            }

            @Override
            public void onEpoch(EpochSummary e) {
                history.loss.add(e.meanLoss());
                double score = e.score().isPresent() ? e.score().getAsDouble() : Double.NaN;
                history.val.add(Double.isNaN(score) ? null : score);
                progress.epoch(e.epoch() + 1, config.epochs(), score);
            }

            @Override
            public void onNotice(String message) {
                history.notices.add(message);
                progress.notice(message);
            }
        };
        history.device = Devices.describe(device);
        String where = "training on " + history.device;
        LOG.info(where);
        progress.notice(where);
        Trainer.Builder<B> b = Trainer.builder(source, step, optimizer, config).schedule(schedule)
                .listener(listener).cancellation(token);
        if (evaluator != null) b.evaluator(evaluator);
        if (snapshotter != null) b.snapshotter(snapshotter);
        if (checkpoint != null) {
            checkpoint.restore(history, progress).ifPresent(b::resumeFrom);
            b.epochCheckpointer(state -> checkpoint.save(state, history, progress));
        }
        try (NDManager run = NDManager.newBaseManager(device)) {
            return b.build().fit(run);
        }
    }

    /**
     * docs/method.md §5: {@code config.warmup()} iterations from 1e-6 (1e-5 when the tower rate exceeds 5e-5, as the
     * reference's set_optimizer does), then cosine towards 1e-9 over the whole run.
     */
    static org.alor.adapt.train.WarmupCosineSchedule schedule(TuningConfig config, long totalIterations) {
        return new org.alor.adapt.train.WarmupCosineSchedule(config.warmup(),
                org.alor.adapt.train.WarmupCosineSchedule.alorWarmupStart(config.encoderLr()), totalIterations,
                org.alor.adapt.train.WarmupCosineSchedule.ALOR_MIN_LR);
    }

    /** A new trainable parameter holding {@code array} (which must live in a manager the caller closes). */
    static Parameter parameter(String name, NDArray array) {
        array.setRequiresGradient(true);
        return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optArray(array)
                .optRequiresGrad(true).build();
    }

    /** Freezes every parameter of the model that is not in {@code trainable}; returns the trainable ones. */
    static List<Parameter> trainable(ClipModel model, List<Parameter> trainable) {
        java.util.Set<Parameter> train = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        train.addAll(trainable);
        for (Parameter p : model.namedParameters().values()) p.freeze(!train.contains(p));
        return List.copyOf(trainable);
    }

    /** The template-averaged text head from the model's current text tower (no gradient). */
    static TextHead head(ClipModel model, TextTokenizer tokenizer, List<String> classNames, PromptTemplates templates) {
        ClipEncoder encoder = new ClipEncoder(model);
        int context = model.config().contextLength();
        return TextHead.fromClassNames(classNames, templates, prompts -> {
            long[][] rows = new long[prompts.size()][];
            for (int i = 0; i < rows.length; i++) rows[i] = tokenizer.tokenize(prompts.get(i), context);
            return encoder.encodeTexts(rows);
        });
    }

    /** Fraction of rows whose argmax of W·f̂ is the label; NaN without rows. */
    static double accuracy(float[][] head, float[][] features, int[] labels) {
        if (features.length == 0) return Double.NaN;
        TextHead h = new TextHead(head);
        float[][] logits = h.logits(features, 1f);
        int correct = 0;
        for (int i = 0; i < logits.length; i++) if (ClassificationMetrics.argmax(new float[][] {logits[i]})[0] == labels[i]) correct++;
        return (double) correct / features.length;
    }

    static float[][] rows(NDArray matrix) {
        long[] shape = matrix.getShape().getShape();
        float[] flat = matrix.toFloatArray();
        int r = (int) shape[0];
        int c = (int) (flat.length / Math.max(1, r));
        float[][] out = new float[r][c];
        for (int i = 0; i < r; i++) System.arraycopy(flat, i * c, out[i], 0, c);
        return out;
    }

    static float[] flatten(float[][] rows) {
        int c = rows.length == 0 ? 0 : rows[0].length;
        float[] out = new float[rows.length * c];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, out, i * c, c);
        return out;
    }

    static Map<String, Object> summary(String method, TuningConfig config, int trainSize, String augmentation) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("method", method);
        s.put("epochs", config.epochs());
        s.put("batch_size", config.batchSize());
        s.put("train_size", trainSize);
        s.put("augmentation", augmentation);
        return s;
    }
}
