package org.alor.loop;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alor.adapt.AdaptedModel;
import org.alor.adapt.Adapter;
import org.alor.adapt.ClassificationMetrics;
import org.alor.adapt.ClipBase;
import org.alor.adapt.ImageSource;
import org.alor.adapt.TextHead;
import org.alor.adapt.TrainingImages;
import org.alor.adapt.TrainingMonitor;
import org.alor.adapt.TrainingSet;
import org.alor.adapt.ZeroShotAdapter;
import org.alor.data.ClassInfo;
import org.alor.data.Split;
import org.alor.store.LabelState;
import org.alor.store.MetricRow;
import org.alor.store.Prediction;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;
import org.alor.store.Selection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The active-learning round protocol of docs/method.md §3 on one project.
 *
 * <p>A round moves PLANNED → TRAINING → SELECTING → LABELING → DONE; each arrow is committed together with what
 * the step produced (round-0 labels; metrics, predictions and summary; selections; labels), so after a crash a new
 * engine on the same project continues with the first unfinished step. Every step is deterministic given the
 * project and the {@link RunConfig}, so the resumed run ends in the same state as an uninterrupted one.
 * Cancellation (checked between steps, between training batches and while waiting for labels) leaves the round at
 * its last completed step; running the engine again continues it.
 *
 * <p>Progress phases: "round" (a round starts), "training" (epochs), "step" (FT/CT/PT optimiser steps: done/total
 * steps of the epoch, message with epoch, loss, images/s and ETA), "notice" (device in use, memory fallbacks),
 * "predicting", "selecting" (message "selection saved" once committed), "labeling", "done".
 *
 * <p>Models: the adapted weights of round r are saved under {@code <project>/models/round-<r>/} (see
 * {@link org.alor.adapt.SavedModels}). FT/CT rounds also keep the adapted image features of the pool and training
 * set in {@code rounds/<r>/adapted-features.safetensors} so that selection sees the adapted embeddings.
 */
public final class RoundEngine {
    public static final int TOP_K = 5;
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final java.util.concurrent.locks.ReentrantLock CLIP_TRAINING = new java.util.concurrent.locks.ReentrantLock();

    private final ProjectStore store;
    private final RunConfig config;
    private final FeatureSource features;
    private final TextEncoder textEncoder;
    private final Selector selector;
    private final Labeler labeler;
    private ProgressListener progress = ProgressListener.NONE;
    private CancellationToken token = new CancellationToken();
    private List<ClassInfo> classes;
    private TextHead head;
    private Supplier<ClipBase> clipSupplier = () -> null;
    private Supplier<ImageSource> imageSupplier = () -> null;
    private ClipBase clip;
    private ImageSource images;

    public RoundEngine(ProjectStore store, RunConfig config, FeatureSource features, TextEncoder textEncoder,
                       Selector selector, Labeler labeler) {
        this.store = store;
        this.config = config;
        this.features = features;
        this.textEncoder = textEncoder;
        this.selector = selector;
        this.labeler = labeler;
    }

    public RoundEngine withProgress(ProgressListener listener) {
        this.progress = listener;
        return this;
    }

    public RoundEngine withCancellation(CancellationToken t) {
        this.token = t;
        return this;
    }

    public RunConfig config() {
        return config;
    }

    /**
     * Where FT/CT/PT get the pretrained CLIP and FT/CT the image files; asked lazily, only by methods that need them
     * (so ZS/LP runs work without a checkpoint).
     */
    public RoundEngine withClip(Supplier<ClipBase> base, Supplier<ImageSource> imageFiles) {
        this.clipSupplier = base;
        this.imageSupplier = imageFiles;
        return this;
    }

    /** {@link #withClip} from a backend's {@link ModelBackend#clipBase} and {@link ModelBackend#images}. */
    public RoundEngine withBackend(ModelBackend backend) {
        return withClip(() -> backend.clipBase(store), () -> backend.images(store));
    }

    /** Where round {@code round}'s adapted weights are saved. */
    public static Path modelDir(Path projectDir, int round) {
        return projectDir.resolve("models").resolve("round-" + round);
    }

    // ---------------------------------------------------------------- driving rounds

    /**
     * Runs (or resumes) rounds 0..{@code lastRound}: every round but the last selects and labels; the last one
     * only trains and evaluates (it is planned with budget 0). Returns the results of rounds 0..lastRound.
     */
    public List<RoundResult> runThrough(int lastRound) throws InterruptedException {
        List<RoundResult> out = new ArrayList<>();
        for (int r = 0; r <= lastRound; r++) out.add(runRound(r, r < lastRound));
        return out;
    }

    /** Continues the first unfinished round, or starts the next one; it selects and labels. */
    public RoundResult runNextRound() throws InterruptedException {
        List<RoundRecord> all = store.rounds();
        for (RoundRecord r : all) {
            if (r.status() != RoundStatus.DONE) return runRound(r.index(), r.budget() > 0);
        }
        return runRound(all.isEmpty() ? 0 : all.get(all.size() - 1).index() + 1, true);
    }

    /**
     * Runs round {@code index} to DONE, resuming it if it exists. A new round needs the previous one DONE.
     *
     * @param select whether a new round selects and labels (its budget) or only trains and evaluates (budget 0)
     */
    public RoundResult runRound(int index, boolean select) throws InterruptedException {
        RoundRecord rec = store.round(index).orElse(null);
        if (rec == null) {
            if (index > 0) {
                RoundRecord previous = store.round(index - 1).orElseThrow(() ->
                        new IllegalStateException("round " + index + " needs round " + (index - 1) + " first"));
                if (previous.status() != RoundStatus.DONE) {
                    throw new IllegalStateException("round " + (index - 1) + " is not finished (" + previous.status() + ")");
                }
            }
            int budget = select ? config.budgetFor(classes().size()) : 0;
            store.insertRound(RoundRecord.planned(index, config.method(), config.strategy(), config.seed(), budget));
            rec = store.round(index).orElseThrow();
        } else {
            requireSameRun(rec);
        }
        progress.progress("round", index, 0, "round " + index + " (" + rec.status().name().toLowerCase(java.util.Locale.ROOT) + ")");
        while (rec.status() != RoundStatus.DONE) {
            token.throwIfCancelled();
            switch (rec.status()) {
                case PLANNED -> start(rec);
                case TRAINING -> train(rec);
                case SELECTING -> select(rec);
                case LABELING -> label(rec);
                default -> throw new IllegalStateException("round " + index + " is " + rec.status()
                        + " and cannot be continued");
            }
            rec = store.round(index).orElseThrow();
        }
        progress.progress("done", index, 0, "round " + index + " done");
        return result(store, rec);
    }

    private void requireSameRun(RoundRecord rec) {
        if (!rec.method().equals(config.method()) || !rec.strategy().equals(config.strategy()) || rec.seed() != config.seed()) {
            throw new IllegalStateException("round " + rec.index() + " was run with " + rec.method() + "/" + rec.strategy()
                    + "/seed " + rec.seed() + "; continue it with the same method, strategy and seed");
        }
    }

    // ---------------------------------------------------------------- steps

    /** PLANNED → TRAINING: round 0's labeled set per {@link Round0Mode}. */
    private void start(RoundRecord rec) throws InterruptedException {
        int index = rec.index();
        if (index == 0 && config.round0() == Round0Mode.SIMULATION) {
            Set<Long> answered = store.currentLabels().keySet();
            List<Long> drawn = Round0Draw.onePerClass(store.samples(Split.POOL), classes().size(), config.seed(), answered);
            store.inTransaction(c -> {
                for (long id : drawn) store.addLabel(id, OracleLabeler.trueLabel(store, id), OracleLabeler.WHO, 0);
                store.updateRoundStatus(0, RoundStatus.TRAINING);
                return null;
            });
            return;
        }
        if (index == 0 && config.round0() == Round0Mode.ASSISTED) {
            List<LabelRequest> pending = pendingOnly(assistedColdStart());
            progress.progress("labeling", 0, pending.size(), "cold start: confirm one image per class");
            if (!pending.isEmpty()) labeler.label(store, 0, pending, token);
            token.throwIfCancelled();
        }
        store.updateRoundStatus(index, RoundStatus.TRAINING);
    }

    /**
     * Per class, the pool image the zero-shot model gives the highest probability of it (each image proposed once).
     * Candidates are the pool images unanswered before the cold start plus those answered in it (round 0), so a
     * resumed cold start proposes the same images and only the unanswered ones are asked again.
     */
    private List<LabelRequest> assistedColdStart() {
        Map<Long, LabelState> states = store.currentLabels();
        List<Long> ids = new ArrayList<>();
        for (var s : store.samples(Split.POOL)) {
            LabelState st = states.get(s.id());
            if (st == null || Integer.valueOf(0).equals(st.round())) ids.add(s.id());
        }
        LabeledSet pool = new LabeledSet(ids, new int[ids.size()], 0, 0);
        if (pool.size() == 0) return List.of();
        float[][] probs = new ZeroShotAdapter(head()).adapt(emptyTraining(), TrainingMonitor.NONE)
                .probabilities(features.features(pool.ids()));
        List<LabelRequest> out = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (ClassInfo ci : classes()) {
            int c = ci.id();
            int best = -1;
            for (int i = 0; i < probs.length; i++) {
                if (!used.contains(i) && (best < 0 || probs[i][c] > probs[best][c])) best = i;
            }
            if (best < 0) break;
            used.add(best);
            out.add(new LabelRequest(pool.ids().get(best), out.size(), c,
                    "cold start: the zero-shot model's top image for " + ci.name(),
                    PredictionRows.one(pool.ids().get(best), Split.POOL, probs[best], TOP_K)));
        }
        return out;
    }

    private TrainingSet emptyTraining() {
        return new TrainingSet(new float[0][], new int[0], new float[0][], new int[0], classes().size(), config.seed());
    }

    /** TRAINING → SELECTING (or DONE for a train-only round): train, evaluate, predict, persist. */
    private void train(RoundRecord rec) {
        int index = rec.index();
        int numClasses = classes().size();
        long started = System.nanoTime();
        Map<Long, LabelState> states = store.currentLabels();
        LabeledSet train = LabeledSet.training(store, states, config.rda());
        LabeledSet val = LabeledSet.evaluation(store, states, Split.VAL);
        LabeledSet test = LabeledSet.evaluation(store, states, Split.TEST);
        LabeledSet pool = LabeledSet.remainingPool(store, states);
        progress.progress("training", 0, config.epochs(), "round " + index + ": training on " + train.retrieved()
                + " retrieved + " + train.labeledPool() + " labeled images");
        float[][] cachedVal = features.features(val.ids());
        TrainingSet data = new TrainingSet(features.features(train.ids()), train.labels(), cachedVal, val.labels(),
                numClasses, trainingSeed(config.seed(), index));
        String method = config.method();
        Adapter adapter = Adapters.create(config, head(), classNames(), Adapters.needsClip(method) ? clip() : null);
        if (Adapters.needsImages(method)) data = data.withImages(new TrainingImages(train.ids(), val.ids(), images()));
        float[][] valProbs;
        float[][] testProbs;
        float[][] poolProbs;
        float[][] headWeights;
        float logitScale;
        Map<String, Object> modelSummary;
        // FT/CT/PT of parallel experiment runs take turns: one CLIP in training memory at a time, and on a CPU
        // the runs gain little from overlapping anyway
        boolean exclusive = Adapters.needsClip(method);
        if (exclusive) CLIP_TRAINING.lock();
        try (AdaptedModel model = adapter.adapt(data, monitor())) {
            token.throwIfCancelled();
            progress.progress("predicting", 0, 3, "predicting val, test and pool");
            Function<List<Long>, float[][]> cached = features::features;
            valProbs = model.probabilities(Adapters.needsImages(method) ? model.imageFeatures(val.ids(), cached) : cachedVal);
            testProbs = model.probabilities(model.imageFeatures(test.ids(), cached));
            float[][] poolFeatures = model.imageFeatures(pool.ids(), cached);
            poolProbs = model.probabilities(poolFeatures);
            token.throwIfCancelled();
            headWeights = model.classifierWeights();
            logitScale = model.logitScale();
            modelSummary = model.summary();
            try {
                if (Adapters.needsImages(method)) {
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
        String summary = summaryJson(rec, train, pool, modelSummary, valM, testM, val.size(), test.size(), seconds);
        RoundStatus next = rec.budget() > 0 ? RoundStatus.SELECTING : RoundStatus.DONE;
        store.inTransaction(c -> {
            store.saveMetrics(index, rows);
            store.savePredictions(index, predictions);
            store.setRoundSummary(index, summary);
            store.updateRoundStatus(index, next);
            return null;
        });
        progress.progress("predicting", 3, 3, String.format("round %d: test accuracy %.2f%%, macro-F1 %.2f%%",
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

    /** SELECTING → LABELING: the strategy picks from the remaining pool using the round's stored predictions. */
    private void select(RoundRecord rec) {
        int index = rec.index();
        PoolProbabilities stored = PoolProbabilities.read(PoolProbabilities.file(store.dir(), index)).orElse(null);
        if (stored == null) {
            // The file is written before the step that needs it commits; missing means it was deleted: recompute.
            train(rec);
            stored = PoolProbabilities.read(PoolProbabilities.file(store.dir(), index)).orElseThrow(() ->
                    new IllegalStateException("cannot read " + PoolProbabilities.file(store.dir(), index)));
        }
        progress.progress("selecting", 0, rec.budget(), "selecting " + rec.budget() + " with " + config.strategy());
        Map<Long, LabelState> states = store.currentLabels();
        List<Long> ids = new ArrayList<>();
        List<float[]> probs = new ArrayList<>();
        for (int i = 0; i < stored.sampleIds().length; i++) {
            if (states.containsKey(stored.sampleIds()[i])) continue; // answered since the round trained
            ids.add(stored.sampleIds()[i]);
            probs.add(stored.probs()[i]);
        }
        LabeledSet train = LabeledSet.training(store, states, config.rda());
        // FT/CT changed the image encoder: select on the embeddings of the adapted model
        Function<List<Long>, float[][]> embeddings = AdaptedFeatures.read(AdaptedFeatures.file(store.dir(), index))
                .<Function<List<Long>, float[][]>>map(a -> a::features).orElse(features::features);
        SelectorInput input = new SelectorInput(probs.toArray(new float[0][]), normalised(embeddings.apply(ids)),
                train.classCounts(classes().size()), normalised(embeddings.apply(train.ids())), train.labels(),
                rec.budget(), config.seed(), index, stored.headWeights(), stored.logitScale());
        List<PickedItem> picks = selector.select(input);
        List<Selection> selections = toSelections(picks, ids, rec.budget());
        token.throwIfCancelled();
        store.inTransaction(c -> {
            store.saveSelections(index, selections);
            store.updateRoundStatus(index, RoundStatus.LABELING);
            return null;
        });
        progress.progress("selecting", selections.size(), rec.budget(), "selection saved");
    }

    private List<Selection> toSelections(List<PickedItem> picks, List<Long> ids, int budget) {
        if (picks.size() > budget) {
            throw new IllegalStateException("strategy " + config.strategy() + " picked " + picks.size()
                    + " images for a budget of " + budget);
        }
        Set<Integer> seen = new HashSet<>();
        List<Selection> out = new ArrayList<>(picks.size());
        for (PickedItem p : picks) {
            if (p.poolIndex() < 0 || p.poolIndex() >= ids.size() || !seen.add(p.poolIndex())) {
                throw new IllegalStateException("strategy " + config.strategy() + " returned an invalid or repeated pool index "
                        + p.poolIndex());
            }
            out.add(new Selection(ids.get(p.poolIndex()), out.size(), p.servedClass(), p.score(), p.reason()));
        }
        return out;
    }

    /** LABELING → DONE: the labeler answers every selected image that has no answer yet. */
    private void label(RoundRecord rec) throws InterruptedException {
        int index = rec.index();
        List<LabelRequest> requests = new ArrayList<>();
        for (Selection s : store.selections(index)) {
            requests.add(new LabelRequest(s.sampleId(), s.rank(), s.pickedForClass(), s.reason(),
                    store.prediction(index, s.sampleId()).orElse(null)));
        }
        List<LabelRequest> pending = pendingOnly(requests);
        progress.progress("labeling", requests.size() - pending.size(), requests.size(), "waiting for labels");
        if (!pending.isEmpty()) labeler.label(store, index, pending, token);
        token.throwIfCancelled();
        store.updateRoundStatus(index, RoundStatus.DONE);
        progress.progress("labeling", requests.size(), requests.size(), "labels saved");
    }

    private List<LabelRequest> pendingOnly(List<LabelRequest> requests) {
        Map<Long, LabelState> states = store.currentLabels();
        return requests.stream().filter(r -> !states.containsKey(r.sampleId())).toList();
    }

    // ---------------------------------------------------------------- helpers

    private List<ClassInfo> classes() {
        if (classes == null) {
            List<ClassInfo> list = store.classes();
            if (list.isEmpty()) throw new IllegalStateException(store.databaseFile() + ": the project has no classes");
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id() != i) {
                    throw new IllegalStateException(store.databaseFile() + ": class ids must be 0.." + (list.size() - 1)
                            + " without gaps (found id " + list.get(i).id() + " at position " + i + ")");
                }
            }
            classes = list;
        }
        return classes;
    }

    private List<String> classNames() {
        return classes().stream().map(config.naming()::of).toList();
    }

    private ClipBase clip() {
        if (clip == null) {
            clip = clipSupplier.get();
            if (clip == null) {
                throw new IllegalStateException("method " + config.method() + " trains CLIP, but this engine has no"
                        + " pretrained checkpoint (RoundEngine.withClip / withBackend)");
            }
        }
        return clip;
    }

    private ImageSource images() {
        if (images == null) {
            images = imageSupplier.get();
            if (images == null) {
                throw new IllegalStateException("method " + config.method() + " trains on images, but this engine has"
                        + " no image files (RoundEngine.withClip / withBackend)");
            }
        }
        return images;
    }

    private TrainingMonitor monitor() {
        return new TrainingMonitor() {
            @Override
            public boolean isCancelled() {
                return token.isCancelled();
            }

            @Override
            public void epochFinished(int epoch, int epochs, double valAccuracy) {
                progress.epochScore(epoch, valAccuracy);
                progress.progress("training", epoch, epochs, Double.isNaN(valAccuracy)
                        ? String.format("epoch %d/%d", epoch, epochs)
                        : String.format("epoch %d/%d: val accuracy %.2f%%", epoch, epochs, 100 * valAccuracy));
            }

            @Override
            public void stepFinished(int epoch, int epochs, int step, int steps, double loss, double imagesPerSecond,
                                     double etaSeconds) {
                progress.trainingStep(epoch, step, steps, loss, imagesPerSecond);
                progress.progress("step", step, steps, String.format(java.util.Locale.ROOT,
                        "epoch %d/%d step %d/%d: loss %.4f, %.1f images/s, ETA %.0f s", epoch, epochs, step, steps, loss,
                        imagesPerSecond, etaSeconds));
            }

            @Override
            public void notice(String message) {
                progress.progress("notice", 0, 0, message);
            }
        };
    }

    private TextHead head() {
        if (head == null) {
            head = TextHead.fromClassNames(classNames(), config.templates(), textEncoder::encode);
        }
        return head;
    }

    /** A per-round training seed (SplitMix64 of seed and round), so rounds do not share shuffles. */
    static long trainingSeed(long seed, int round) {
        long z = seed + 0x9E3779B97F4A7C15L * (round + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static float[][] normalised(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) out[i] = org.alor.adapt.Vectors.normalised(rows[i]);
        return out;
    }

    private String summaryJson(RoundRecord rec, LabeledSet train, LabeledSet pool, Map<String, Object> modelSummary,
                               ClassificationMetrics valM, ClassificationMetrics testM, int nVal, int nTest,
                               double seconds) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("round", rec.index());
        s.put("method", config.method());
        s.put("strategy", config.strategy());
        s.put("seed", config.seed());
        s.put("budget", rec.budget());
        s.put("rda", config.rda());
        s.put("round0", config.round0().name().toLowerCase(java.util.Locale.ROOT));
        s.put("class_naming", config.naming().name().toLowerCase(java.util.Locale.ROOT));
        s.put("epochs", config.epochs());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("retrieved", train.retrieved());
        t.put("labeled", train.labeledPool());
        t.put("class_counts", train.classCounts(classes().size()));
        s.put("train", t);
        s.put("model", modelSummary);
        s.put("val", evalSummary(valM, nVal));
        s.put("test", evalSummary(testM, nTest));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("remaining", pool.size());
        p.put("probs_file", "rounds/" + rec.index() + "/" + PoolProbabilities.FILE);
        p.put("top_k", TOP_K);
        s.put("pool", p);
        s.put("seconds", seconds);
        return GSON.toJson(s);
    }

    private static Map<String, Object> evalSummary(ClassificationMetrics m, int n) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("support", n);
        if (n == 0) return e;
        e.put("accuracy", m.accuracy());
        e.put("macro_f1", m.macroF1());
        // Sparse confusion matrix: [true, predicted, count] for every non-zero cell.
        List<int[]> cells = new ArrayList<>();
        for (int a = 0; a < m.confusion().length; a++) {
            for (int b = 0; b < m.confusion()[a].length; b++) {
                if (m.confusion()[a][b] > 0) cells.add(new int[]{a, b, m.confusion()[a][b]});
            }
        }
        e.put("confusion", cells);
        return e;
    }

    /** The result of a round as stored (metrics, counts from the summary, selections). */
    public static RoundResult result(ProjectStore store, RoundRecord rec) {
        MetricRow val = store.overallMetrics(Split.VAL).get(rec.index());
        MetricRow test = store.overallMetrics(Split.TEST).get(rec.index());
        int labeled = 0;
        int retrieved = 0;
        double seconds = Double.NaN;
        if (rec.summaryJson() != null) {
            JsonObject s = JsonParser.parseString(rec.summaryJson()).getAsJsonObject();
            if (s.has("train")) {
                labeled = s.getAsJsonObject("train").get("labeled").getAsInt();
                retrieved = s.getAsJsonObject("train").get("retrieved").getAsInt();
            }
            if (s.has("seconds")) seconds = s.get("seconds").getAsDouble();
        }
        return new RoundResult(rec.index(), rec.status(), rec.method(), rec.strategy(), rec.seed(), val, test, labeled,
                retrieved, store.selections(rec.index()), seconds);
    }

    /** Sparse confusion cells [true, predicted, count] of a split from a round summary (empty when absent). */
    public static List<int[]> confusion(RoundRecord rec, Split split) {
        List<int[]> out = new ArrayList<>();
        if (rec.summaryJson() == null) return out;
        JsonObject s = JsonParser.parseString(rec.summaryJson()).getAsJsonObject();
        String key = split.key();
        if (!s.has(key) || !s.getAsJsonObject(key).has("confusion")) return out;
        s.getAsJsonObject(key).getAsJsonArray("confusion").forEach(cell -> {
            var a = cell.getAsJsonArray();
            out.add(new int[]{a.get(0).getAsInt(), a.get(1).getAsInt(), a.get(2).getAsInt()});
        });
        return out;
    }

    /** Ids of pool samples nobody has answered yet (the candidates of the next selection). */
    public static List<Long> remainingPool(ProjectStore store) {
        return LabeledSet.remainingPool(store, store.currentLabels()).ids();
    }
}
