package org.alor.loop;

import org.alor.job.Phase;
import org.alor.job.CancellationToken;
import org.alor.adapt.ClipBase;
import org.alor.adapt.ImageSource;
import org.alor.adapt.TextHead;
import org.alor.adapt.TrainingSet;
import org.alor.adapt.ZeroShotAdapter;
import org.alor.data.ClassInfo;
import org.alor.data.Split;
import org.alor.job.Progress;
import org.alor.select.Pick;
import org.alor.select.SelectionInput;
import org.alor.select.SelectionStrategy;
import org.alor.select.Strategies;
import org.alor.store.LabelState;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;
import org.alor.store.Selection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The active-learning round protocol of docs/method.md §3 on one project.
 *
 * <p>A round moves PLANNED → TRAINING → SELECTING → LABELING → DONE; each arrow is committed together with what
 * the step produced (round-0 labels; metrics, predictions and summary; selections; labels), so after a crash a new
 * engine on the same project continues with the first unfinished step. Every step is deterministic given the
 * project and the {@link RoundSpec}, so the resumed run ends in the same state as an uninterrupted one.
 * Cancellation (checked between steps, between training batches and while waiting for labels) leaves the round at
 * its last completed step; running the engine again continues it.
 *
 * <p>This class is the state machine and the cold start, selection and labeling steps; the training step is
 * {@link RoundTraining}, the summary it stores {@link RoundSummary}. Progress is reported in {@link Phase}s.
 */
public final class RoundEngine {
    private final ProjectStore store;
    private final RoundSpec config;
    private final FeatureSource features;
    private final TextEncoder textEncoder;
    private final Labeler labeler;
    private SelectionStrategy strategy;
    private Progress progress = Progress.NONE;
    private CancellationToken token = new CancellationToken();
    private List<ClassInfo> classes;
    private TextHead head;
    private Supplier<ClipBase> clipSupplier = () -> null;
    private Supplier<ImageSource> imageSupplier = () -> null;
    private ClipBase clip;
    private ImageSource images;

    public RoundEngine(ProjectStore store, RoundSpec config, FeatureSource features, TextEncoder textEncoder,
                       Labeler labeler) {
        this.store = store;
        this.config = config;
        this.features = FiniteValues.checked(features, store);
        this.textEncoder = textEncoder;
        this.labeler = labeler;
        this.strategy = Strategies.byName(config.strategy());
    }

    /** Selects with {@code s} instead of the spec's strategy (tests observe what a strategy is given). */
    public RoundEngine withStrategy(SelectionStrategy s) {
        this.strategy = s;
        return this;
    }

    public RoundEngine withProgress(Progress p) {
        this.progress = p;
        return this;
    }

    public RoundEngine withCancellation(CancellationToken t) {
        this.token = t;
        return this;
    }

    public RoundSpec config() {
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
        List<RoundRecord> all = store.roundTable().all();
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
        RoundRecord rec = store.roundTable().byIndex(index).orElse(null);
        if (rec == null) {
            if (index > 0) {
                RoundRecord previous = store.roundTable().byIndex(index - 1).orElseThrow(() ->
                        new IllegalStateException("round " + index + " needs round " + (index - 1) + " first"));
                if (previous.status() != RoundStatus.DONE) {
                    throw new IllegalStateException("round " + (index - 1) + " is not finished (" + previous.status() + ")");
                }
            }
            int budget = select ? config.budgetFor(classes().size()) : 0;
            store.roundTable().insert(RoundRecord.planned(index, config.method().key(), config.strategy(), config.seed(),
                    budget));
            rec = store.roundTable().byIndex(index).orElseThrow();
        } else {
            requireSameRun(rec);
            RoundStops.clear(store, index);
        }
        progress.phase(Phase.ROUND, index, 0, "round " + index + " (" + rec.status().name().toLowerCase(java.util.Locale.ROOT) + ")");
        try {
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
                rec = store.roundTable().byIndex(index).orElseThrow();
            }
        } catch (CancellationException | InterruptedException e) {
            noteStop(index, e, true);
            throw e;
        } catch (LabelsPendingException e) {
            throw e;
        } catch (RuntimeException e) {
            noteStop(index, e, false);
            throw e;
        }
        progress.phase(Phase.DONE, index, 0, "round " + index + " done");
        return RoundSummary.result(store, rec);
    }

    /** Records how a round stopped before its picks (see {@link UnfinishedRound}); a round waiting for labels is not noted. */
    private void noteStop(int index, Exception e, boolean cancelled) {
        try {
            RoundStatus now = store.roundTable().byIndex(index).map(RoundRecord::status).orElse(RoundStatus.DONE);
            if (!UnfinishedRound.isUnfinished(now)) return;
            if (cancelled) RoundStops.cancelled(store, index);
            else RoundStops.failed(store, index, e);
        } catch (RuntimeException noted) {
            e.addSuppressed(noted);
        }
    }

    /** The project's round that stopped before its picks, with the spec it was started with and how it stopped. */
    public static Optional<UnfinishedRound> unfinishedRound(ProjectStore store) {
        return UnfinishedRound.find(store);
    }

    /**
     * Discards round {@code index}, which stopped before its picks: its saved model, pool probabilities and adapted
     * features, then its metrics, predictions and the round itself. Labels are never touched; a round that label
     * events name (round 0's cold start) is refused. The next round started gets this index again.
     */
    public static void discardUnfinished(ProjectStore store, int index) {
        RoundRecord rec = store.roundTable().byIndex(index).orElseThrow(() ->
                new IllegalArgumentException(store.databaseFile() + ": no round " + index));
        if (!UnfinishedRound.isUnfinished(rec.status())) {
            throw new IllegalStateException("round " + index + " is " + rec.status().name().toLowerCase(java.util.Locale.ROOT)
                    + "; only a round stopped before its picks can be discarded");
        }
        if (store.labelLog().current().values().stream().anyMatch(l -> Integer.valueOf(index).equals(l.round()))) {
            throw new IllegalStateException("round " + index + " holds labels given in its cold start; labels are never"
                    + " deleted, so continue the round instead of discarding it");
        }
        // files first: a stale adapted-features file would be read by the next round with this index
        deleteTree(PoolProbabilities.file(store.dir(), index).getParent());
        deleteTree(RoundTraining.modelDir(store.dir(), index));
        store.roundTable().deleteUnfinished(index);
        RoundStops.clear(store, index);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot delete the discarded round's files (" + e.getMessage() + ")", e);
        }
    }

    private void requireSameRun(RoundRecord rec) {
        if (!rec.method().equals(config.method().key()) || !rec.strategy().equals(config.strategy()) || rec.seed() != config.seed()) {
            throw new IllegalStateException("round " + rec.index() + " was run with " + rec.method() + "/" + rec.strategy()
                    + "/seed " + rec.seed() + "; continue it with the same method, strategy and seed");
        }
    }

    // ---------------------------------------------------------------- steps

    /** PLANNED → TRAINING: round 0's labeled set per {@link Round0Mode}. */
    private void start(RoundRecord rec) throws InterruptedException {
        int index = rec.index();
        if (index == 0 && config.round0() == Round0Mode.SIMULATION) {
            Set<Long> answered = store.labelLog().current().keySet();
            List<Long> drawn = Round0Draw.onePerClass(store.sampleTable().bySplit(Split.POOL), classes().size(),
                    config.seed(), answered);
            store.inTransaction(c -> {
                for (long id : drawn) store.labelLog().label(id, OracleLabeler.trueLabel(store, id),
                        OracleLabeler.WHO, 0);
                store.roundTable().updateStatus(0, RoundStatus.TRAINING);
                return null;
            });
            return;
        }
        if (index == 0 && config.round0() == Round0Mode.ASSISTED) {
            List<LabelRequest> pending = pendingOnly(assistedColdStart());
            progress.phase(Phase.LABELING, 0, pending.size(), "cold start: confirm one image per class");
            if (!pending.isEmpty()) labeler.label(store, 0, pending, token);
            token.throwIfCancelled();
        }
        store.roundTable().updateStatus(index, RoundStatus.TRAINING);
    }

    /**
     * Per class, the pool image the zero-shot model gives the highest probability of it (each image proposed once).
     * Candidates are the pool images unanswered before the cold start plus those answered in it (round 0), so a
     * resumed cold start proposes the same images and only the unanswered ones are asked again.
     */
    private List<LabelRequest> assistedColdStart() {
        Map<Long, LabelState> states = store.labelLog().current();
        List<Long> ids = new ArrayList<>();
        for (var s : store.sampleTable().bySplit(Split.POOL)) {
            LabelState st = states.get(s.id());
            if (st == null || Integer.valueOf(0).equals(st.round())) ids.add(s.id());
        }
        LabeledSet pool = new LabeledSet(ids, new int[ids.size()], 0, 0);
        if (pool.size() == 0) return List.of();
        float[][] probs = new ZeroShotAdapter(head()).adapt(emptyTraining(), Progress.NONE, token)
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
                    PredictionRows.one(pool.ids().get(best), Split.POOL, probs[best], RoundTraining.TOP_K)));
        }
        return out;
    }

    private TrainingSet emptyTraining() {
        return new TrainingSet(new float[0][], new int[0], new float[0][], new int[0], classes().size(), config.seed());
    }

    /** TRAINING → SELECTING (or DONE for a train-only round): see {@link RoundTraining}. */
    private void train(RoundRecord rec) {
        Method method = config.method();
        new RoundTraining(store, config, features, progress, token).run(rec, classes().size(), head(), classNames(),
                method.needsClip() ? clip() : null, method.needsImages() ? images() : null);
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
        progress.phase(Phase.SELECTING, 0, rec.budget(), "selecting " + rec.budget() + " with " + config.strategy());
        Map<Long, LabelState> states = store.labelLog().current();
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
        SelectionInput.Builder input = SelectionInput.builder(probs.toArray(new float[0][]), train.classCounts(classes().size()))
                .poolFeatures(normalised(embeddings.apply(ids)))
                .labeled(normalised(embeddings.apply(train.ids())), train.labels())
                .budget(rec.budget()).seed(config.seed()).round(index);
        if (stored.headWeights() != null) input.classifier(stored.headWeights(), stored.logitScale());
        List<Pick> picks = strategy.select(input.build()).picks();
        List<Selection> selections = toSelections(picks, ids, rec.budget());
        token.throwIfCancelled();
        store.inTransaction(c -> {
            store.roundTable().saveSelections(index, selections);
            store.roundTable().updateStatus(index, RoundStatus.LABELING);
            return null;
        });
        progress.phase(Phase.SELECTING, selections.size(), rec.budget(), "selection saved");
    }

    private List<Selection> toSelections(List<Pick> picks, List<Long> ids, int budget) {
        if (picks.size() > budget) {
            throw new IllegalStateException("strategy " + config.strategy() + " picked " + picks.size()
                    + " images for a budget of " + budget);
        }
        Set<Integer> seen = new HashSet<>();
        List<Selection> out = new ArrayList<>(picks.size());
        for (Pick p : picks) {
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
        for (Selection s : store.roundTable().selections(index)) {
            requests.add(new LabelRequest(s.sampleId(), s.rank(), s.pickedForClass(), s.reason(),
                    store.predictionTable().one(index, s.sampleId()).orElse(null)));
        }
        List<LabelRequest> pending = pendingOnly(requests);
        progress.phase(Phase.LABELING, requests.size() - pending.size(), requests.size(), "waiting for labels");
        if (!pending.isEmpty()) labeler.label(store, index, pending, token);
        token.throwIfCancelled();
        store.roundTable().updateStatus(index, RoundStatus.DONE);
        progress.phase(Phase.LABELING, requests.size(), requests.size(), "labels saved");
    }

    private List<LabelRequest> pendingOnly(List<LabelRequest> requests) {
        Map<Long, LabelState> states = store.labelLog().current();
        return requests.stream().filter(r -> !states.containsKey(r.sampleId())).toList();
    }

    // ---------------------------------------------------------------- helpers

    private List<ClassInfo> classes() {
        if (classes == null) {
            List<ClassInfo> list = store.classTable().all();
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
                throw new IllegalStateException("method " + config.method().key() + " trains CLIP, but this engine has no"
                        + " pretrained checkpoint (RoundEngine.withClip / withBackend)");
            }
            clip = clip.withComputeType(config.precision().computeType());
        }
        return clip;
    }

    private ImageSource images() {
        if (images == null) {
            images = imageSupplier.get();
            if (images == null) {
                throw new IllegalStateException("method " + config.method().key() + " trains on images, but this engine has"
                        + " no image files (RoundEngine.withClip / withBackend)");
            }
        }
        return images;
    }

    private TextHead head() {
        if (head == null) {
            List<String> names = classNames();
            head = TextHead.fromClassNames(names, config.templates(), textEncoder::encode);
            FiniteValues.require(head.weights(), "the text embeddings of the class prompts", c -> "class " + names.get(c),
                    FiniteValues.badCheckpoint());
        }
        return head;
    }

    private static float[][] normalised(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) out[i] = org.alor.adapt.Vectors.normalised(rows[i]);
        return out;
    }

    /** Ids of pool samples nobody has answered yet (the candidates of the next selection). */
    public static List<Long> remainingPool(ProjectStore store) {
        return LabeledSet.remainingPool(store, store.labelLog().current()).ids();
    }
}
