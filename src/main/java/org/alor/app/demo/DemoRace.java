package org.alor.app.demo;

import org.alor.app.retrieval.ProjectRetrievalRunner;
import org.alor.app.common.ChoiceNames;
import org.alor.app.start.SampleProject;

import org.alor.data.Split;
import org.alor.job.CancellationToken;
import org.alor.job.Phase;
import org.alor.job.Progress;
import org.alor.loop.ClassNaming;
import org.alor.loop.ExperimentSpec;
import org.alor.loop.ExperimentRunner;
import org.alor.loop.Method;
import org.alor.loop.Precision;
import org.alor.loop.Project;
import org.alor.store.MetricRow;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Demo mode's race: one {@code alor experiment} job of two runs (one per side) on the sample project after
 * retrieval, played with the oracle, rounds 0..N; each finished round of a side is handed to a {@link Listener}.
 * The plan is {@link #plan}, which {@code alor experiment SOURCE --runs … --seeds … --rounds N} builds as well, so
 * the demo shows exactly the numbers the engine reports (its {@code results.csv} is kept in {@code <folder>/race}).
 */
final class DemoRace {
    /** One side of the race: its name on screen and the experiment combination it runs. */
    record Side(String label, ExperimentSpec.Combination combination) {
    }

    /** ALOR as the paper puts it together: retrieved open data, contrastive tuning, Tail First Sampling. */
    static final Side ALOR = new Side("ALOR", new ExperimentSpec.Combination("ct", "tfs", true));
    /** Active learning as usually done: no retrieval, prompt tuning (the paper's baseline adapter), random picks. */
    static final Side BASELINE = new Side("Standard AL", new ExperimentSpec.Combination("pt", "random", false));
    static final long SEED = 666;
    /** Epochs per round in a live race: short enough for a talk on a 2-core laptop (changeable on the page). */
    static final int DEFAULT_EPOCHS = 2;
    private static final String READY = "template-ready";

    /** A finished round of one side: test accuracy (0..1) and the side's run project, for its heat map. */
    interface Listener {
        void roundDone(Side side, int round, double testAccuracy, ProjectStore store);
    }

    private final Path folder;
    private final int lastRound;
    private final int epochs;
    private final Function<Path, Project> sessions;

    /** What the race runs, in one sentence for the page. */
    static String description() {
        return ALOR.label() + ": " + describe(ALOR.combination()) + ". " + BASELINE.label() + ": "
                + describe(BASELINE.combination()) + ". One alor experiment job on the sample project, an oracle labeling"
                + " the picks (seed " + SEED + ").";
    }

    /** "retrieved open data + contrastive tuning + Tail First Sampling", in the Runs form's names (ChoiceNames). */
    private static String describe(ExperimentSpec.Combination c) {
        return (c.rda() ? "retrieved open data + " : "") + ChoiceNames.method(Method.parse(c.method())).fullName() + " + "
                + ChoiceNames.strategy(c.strategy()).fullName() + (c.rda() ? "" : ", no retrieval");
    }

    /** A race whose sessions use the project's CLIP on the default device, with the demo's default epochs. */
    DemoRace(Path folder, int lastRound) {
        this(folder, lastRound, DEFAULT_EPOCHS, dir -> Project.open(dir).build());
    }

    /**
     * @param folder   where the template project (kept) and the race's experiment output (replaced) go
     * @param epochs   training epochs of every round on both sides
     * @param sessions opens an engine session on a project folder (the app's device and backend)
     */
    DemoRace(Path folder, int lastRound, int epochs, Function<Path, Project> sessions) {
        if (lastRound < 0) throw new IllegalArgumentException("the last round must be 0 or more, not " + lastRound);
        if (epochs < 1) throw new IllegalArgumentException("a round trains at least 1 epoch, not " + epochs);
        this.folder = folder;
        this.lastRound = lastRound;
        this.epochs = epochs;
        this.sessions = sessions;
    }

    /** The sample project the race starts from: created, retrieved and featurised on the first run. */
    Path template() {
        return folder.resolve("template");
    }

    /** The race's experiment output ({@code results.csv}, {@code runs/<run>/project.alor}, …). */
    Path output() {
        return folder.resolve("race");
    }

    /**
     * The experiment the race runs, with {@code alor experiment}'s defaults for everything the demo does not choose:
     * budget C, the method's batch, class names in the project's prompt set, learning rates from the recipe recorded
     * with the checkpoint, else the paper's, and the session's precision (as {@code alor experiment} trains in). Epochs
     * are the demo's: a talk cannot wait for the recipe's.
     */
    static ExperimentSpec plan(Settings settings, Precision precision, int lastRound, int epochs) {
        return ExperimentSpec.builder().optProjectSettings(settings).optPrecision(precision).optNaming(ClassNaming.NAME)
                .optCombinations(List.of(ALOR.combination(), BASELINE.combination())).optSeeds(List.of(SEED))
                .optRounds(lastRound).optEpochs(epochs).optThreads(2).build();
    }

    /** The command line that runs the same experiment as a race of rounds 0..{@code lastRound}. */
    static String command(String project, int lastRound, int epochs, String out) {
        return "alor experiment " + project + " --runs " + ALOR.combination() + "," + BASELINE.combination()
                + " --seeds " + SEED + " --rounds " + lastRound + " --epochs " + epochs + " --out " + out;
    }

    void run(Listener listener, CancellationToken token, Progress progress) throws Exception {
        prepareTemplate(progress, token);
        deleteTree(output());
        int total = 2 * (lastRound + 1);
        AtomicInteger finished = new AtomicInteger();
        progress.phase(Phase.EXPERIMENT, 0, total, "Round 0 of " + lastRound + " on both sides");
        try (Project source = sessions.apply(template())) {
            ExperimentRunner.inSession(source, output(), plan(source.store().settings(), source.precision(), lastRound, epochs))
                    .withCancellation(token)
                    .withRoundListener((run, result, store) -> {
                        Side side = sideOf(run);
                        MetricRow test = result.test();
                        listener.roundDone(side, result.round(), test == null ? Double.NaN : test.accuracy(), store);
                        int n = finished.incrementAndGet();
                        progress.phase(Phase.EXPERIMENT, n, total,
                                side.label() + ": round " + result.round() + " of " + lastRound + " done");
                    })
                    .run();
        }
    }

    private static Side sideOf(ExperimentSpec.Run run) {
        return run.combination().equals(ALOR.combination()) ? ALOR : BASELINE;
    }

    /**
     * The template: a fresh sample project with its open data retrieved and every image's features computed, made
     * once (so a second race in a talk starts at once) and marked ready only when complete. Delete the folder to
     * rebuild it.
     */
    void prepareTemplate(Progress progress, CancellationToken token) throws Exception {
        Path template = template();
        if (Files.exists(template.resolve(READY))) return;
        deleteTree(template);
        Files.createDirectories(folder);
        progress.notice("Creating the sample project (first run only)");
        SampleProject.createAt(template);
        try (Project session = sessions.apply(template)) {
            ProjectStore store = session.store();
            token.throwIfCancelled();
            new ProjectRetrievalRunner().retrieve(session, new Progress() {
                @Override
                public void phase(Phase phase, long done, long total, String message) {
                    progress.phase(phase, done, total, "Retrieving open data for every class (first run only): " + message);
                }
            }, token);
            token.throwIfCancelled();
            progress.notice("Computing image features once for the race (first run only)");
            List<Long> ids = new ArrayList<>();
            for (Split s : List.of(Split.POOL, Split.VAL, Split.TEST, Split.RETRIEVED)) {
                for (var x : store.sampleTable().bySplit(s)) ids.add(x.id());
            }
            session.backend().featureSource(store).features(ids);
        }
        token.throwIfCancelled();
        Files.writeString(template.resolve(READY), "sample project retrieved and featurised\n");
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
