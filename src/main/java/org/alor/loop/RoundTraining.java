package org.alor.loop;

import org.alor.job.Phase;
import org.alor.adapt.AdaptedModel;
import org.alor.adapt.Adapter;
import org.alor.adapt.ClassificationMetrics;
import org.alor.adapt.ClipBase;
import org.alor.adapt.ImageSource;
import org.alor.adapt.TextHead;
import org.alor.adapt.TrainingImages;
import org.alor.adapt.TrainingSet;
import org.alor.data.Split;
import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.alor.store.LabelState;
import org.alor.store.MetricRow;
import org.alor.store.Prediction;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The training step of a round: adapt on the labeled (and, with RDA, retrieved) images, evaluate on val/test,
 * predict the pool, save the model, and commit metrics, predictions, summary and the next status together.
 *
 * <p>Models: the adapted weights of round r are saved under {@code <project>/models/round-<r>/} (see
 * {@link org.alor.adapt.SavedModels}). FT/CT/PT rounds save each finished training epoch in
 * {@code rounds/<r>/epoch-checkpoint.safetensors} (see {@link RoundEpochCheckpoint}), so a killed round trains on from
 * there; the file goes once the training step has committed. FT/CT rounds also keep the adapted image features of the pool and training
 * set in {@code rounds/<r>/adapted-features.safetensors} so that selection sees the adapted embeddings.
 */
final class RoundTraining {
    /** Classes kept per stored prediction. */
    static final int TOP_K = 5;
    // FT/CT/PT of parallel experiment runs take turns: one CLIP in training memory at a time, and on a CPU the runs
    // gain little from overlapping anyway
    private static final ReentrantLock CLIP_TRAINING = new ReentrantLock();

    private final ProjectStore store;
    private final RoundSpec config;
    private final FeatureSource features;
    private final Progress progress;
    private final CancellationToken token;

    RoundTraining(ProjectStore store, RoundSpec config, FeatureSource features, Progress progress,
                  CancellationToken token) {
        this.store = store;
        this.config = config;
        this.features = features;
        this.progress = progress;
        this.token = token;
    }

    /** Where round {@code round}'s adapted weights are saved. */
    public static Path modelDir(Path projectDir, int round) {
        return projectDir.resolve("models").resolve("round-" + round);
    }

    /** TRAINING → SELECTING (or DONE for a train-only round). */
    void run(RoundRecord rec, int numClasses, TextHead head, List<String> classNames, ClipBase clip, ImageSource images) {
        int index = rec.index();
        long started = System.nanoTime();
        Map<Long, LabelState> states = store.labelLog().current();
        LabeledSet train = LabeledSet.training(store, states, config.rda());
        LabeledSet val = LabeledSet.evaluation(store, states, Split.VAL);
        LabeledSet test = LabeledSet.evaluation(store, states, Split.TEST);
        LabeledSet pool = LabeledSet.remainingPool(store, states);
        progress.phase(Phase.TRAINING, 0, config.epochs(), "round " + index + ": training on " + train.retrieved()
                + " retrieved + " + train.labeledPool() + " labeled images");
        float[][] cachedVal = features.features(val.ids());
        TrainingSet data = new TrainingSet(features.features(train.ids()), train.labels(), cachedVal, val.labels(),
                numClasses, trainingSeed(config.seed(), index));
        Method method = config.method();
        Adapter adapter = Adapters.create(config, head, classNames, clip, RoundEpochCheckpoint.of(store, config, index));
        if (method.needsImages()) data = data.withImages(new TrainingImages(train.ids(), val.ids(), images));
        float[][] valProbs;
        float[][] testProbs;
        float[][] poolProbs;
        float[][] headWeights;
        float logitScale;
        Map<String, Object> modelSummary;
        boolean exclusive = method.needsClip();
        if (exclusive) CLIP_TRAINING.lock();
        try (AdaptedModel model = adapter.adapt(data, progress, token)) {
            token.throwIfCancelled();
            progress.phase(Phase.PREDICTING, 0, 3, "predicting val, test and pool");
            Function<List<Long>, float[][]> cached = features::features;
            valProbs = model.probabilities(method.needsImages() ? model.imageFeatures(val.ids(), cached) : cachedVal);
            testProbs = model.probabilities(model.imageFeatures(test.ids(), cached));
            float[][] poolFeatures = model.imageFeatures(pool.ids(), cached);
            poolProbs = model.probabilities(poolFeatures);
            String diverged = FiniteValues.lowerLearningRate(method);
            FiniteValues.requireForSamples(valProbs, val.ids(), "the trained model's val probabilities", diverged);
            FiniteValues.requireForSamples(testProbs, test.ids(), "the trained model's test probabilities", diverged);
            FiniteValues.requireForSamples(poolProbs, pool.ids(), "the trained model's pool probabilities", diverged);
            token.throwIfCancelled();
            headWeights = model.classifierWeights();
            if (headWeights != null) {
                FiniteValues.require(headWeights, "the trained classifier's weights", c -> "class " + c, diverged);
            }
            logitScale = model.logitScale();
            modelSummary = model.summary();
            try {
                if (method.needsImages()) {
                    List<Long> ids = new ArrayList<>(pool.ids());
                    ids.addAll(train.ids());
                    float[][] trainFeatures = model.imageFeatures(train.ids(), cached);
                    float[][] all = new float[ids.size()][];
                    System.arraycopy(poolFeatures, 0, all, 0, poolFeatures.length);
                    System.arraycopy(trainFeatures, 0, all, poolFeatures.length, trainFeatures.length);
                    AdaptedFeatures.write(AdaptedFeatures.file(store.dir(), index), ids, all);
                }
                model.save(modelDir(store.dir(), index));
            } catch (IOException e) {
                throw new UncheckedIOException(modelDir(store.dir(), index) + ": cannot save the round's model ("
                        + e.getMessage() + ")", e);
            }
        } finally {
            if (exclusive) CLIP_TRAINING.unlock();
        }
        token.throwIfCancelled();

        ClassificationMetrics valM = ClassificationMetrics.of(val.labels(), ClassificationMetrics.argmax(valProbs), numClasses);
        ClassificationMetrics testM = ClassificationMetrics.of(test.labels(), ClassificationMetrics.argmax(testProbs), numClasses);
        List<MetricRow> rows = new ArrayList<>();
        addMetricRows(rows, Split.VAL, valM, val.size());
        addMetricRows(rows, Split.TEST, testM, test.size());
        List<Prediction> predictions = new ArrayList<>(PredictionRows.of(pool.ids(), Split.POOL, poolProbs, TOP_K));
        predictions.addAll(PredictionRows.of(val.ids(), Split.VAL, valProbs, TOP_K));
        predictions.addAll(PredictionRows.of(test.ids(), Split.TEST, testProbs, TOP_K));
        try {
            new PoolProbabilities(pool.ids().stream().mapToLong(Long::longValue).toArray(), poolProbs,
                    headWeights, logitScale).write(PoolProbabilities.file(store.dir(), index));
        } catch (IOException e) {
            throw new UncheckedIOException(PoolProbabilities.file(store.dir(), index)
                    + ": cannot write the pool probabilities (" + e.getMessage() + ")", e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String summary = RoundSummary.json(config, rec, train, numClasses, pool, modelSummary, valM, testM, val.size(),
                test.size(), seconds);
        RoundStatus next = rec.budget() > 0 ? RoundStatus.SELECTING : RoundStatus.DONE;
        store.inTransaction(c -> {
            store.roundTable().saveMetrics(index, rows);
            store.predictionTable().replace(index, predictions);
            store.roundTable().setSummary(index, summary);
            store.roundTable().updateStatus(index, next);
            return null;
        });
        RoundEpochCheckpoint.delete(store.dir(), index);
        progress.phase(Phase.PREDICTING, 3, 3, String.format("round %d: test accuracy %.2f%%, macro-F1 %.2f%%",
                index, 100 * testM.accuracy(), 100 * testM.macroF1()));
    }

    private static void addMetricRows(List<MetricRow> rows, Split split, ClassificationMetrics m, int n) {
        if (n == 0) return;
        int correct = 0;
        for (int c = 0; c < m.confusion().length; c++) correct += m.confusion()[c][c];
        rows.add(MetricRow.overall(split, m.accuracy(), m.macroF1(), n, correct));
        for (int c = 0; c < m.support().length; c++) {
            if (m.support()[c] > 0) rows.add(MetricRow.perClass(split, c, m.support()[c], m.confusion()[c][c]));
        }
    }

    /** A per-round training seed (SplitMix64 of seed and round), so rounds do not share shuffles. */
    static long trainingSeed(long seed, int round) {
        long z = seed + 0x9E3779B97F4A7C15L * (round + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

}
