package org.alor.app.demo;

import org.alor.app.retrieval.ProjectRetrievalRunner;
import org.alor.app.start.SampleProject;

import org.alor.data.Split;
import org.alor.job.CancellationToken;
import org.alor.job.Phase;
import org.alor.job.Progress;
import org.alor.loop.ClassNaming;
import org.alor.loop.ExperimentSpec;
import org.alor.loop.ExperimentRunner;
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

    static final Side ALOR = new Side("ALOR (TFS)", new ExperimentSpec.Combination("lp", "tfs", true));
    static final Side RANDOM = new Side("Random", new ExperimentSpec.Combination("lp", "random", true));
    static final long SEED = 666;
    private static final String READY = "template-ready";

    /** A finished round of one side: test accuracy (0..1) and the side's run project, for its heat map. */
    interface Listener {
        void roundDone(Side side, int round, double testAccuracy, ProjectStore store);
    }

    private final Path folder;
    private final int lastRound;
    private final Function<Path, Project> sessions;

    /** What the race runs, in one sentence for the page. */
    static String description() {
        return "One alor experiment job on the sample project, an oracle labeling the picks (seed " + SEED + "): "
                + ALOR.label() + " = " + describe(ALOR.combination()) + ", against " + RANDOM.label() + " = "
                + describe(RANDOM.combination()) + ".";
    }

    private static String describe(ExperimentSpec.Combination c) {
        return c.method().toUpperCase(java.util.Locale.ROOT) + " + " + (c.strategy().equals("tfs") ? "Tail First Sampling"
                : c.strategy() + " picks") + (c.rda() ? " with retrieval" : " without retrieval");
    }

    /** A race whose sessions use the project's CLIP on the default device. */
    DemoRace(Path folder, int lastRound) {
        this(folder, lastRound, dir -> Project.open(dir).build());
    }

    /**
     * @param folder   where the template project (kept) and the race's experiment output (replaced) go
     * @param sessions opens an engine session on a project folder (the app's device and backend)
     */
    DemoRace(Path folder, int lastRound, Function<Path, Project> sessions) {
        if (lastRound < 0) throw new IllegalArgumentException("the last round must be 0 or more, not " + lastRound);
        this.folder = folder;
        this.lastRound = lastRound;
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
     * budget C, the method's epochs and batch, class names in the project's prompt set; epochs and learning rates from the recipe recorded with the checkpoint, else the paper's.
     */
    static ExperimentSpec plan(Settings settings, int lastRound) {
        return ExperimentSpec.builder().optProjectSettings(settings).optNaming(ClassNaming.NAME)
                .optCombinations(List.of(ALOR.combination(), RANDOM.combination())).optSeeds(List.of(SEED))
                .optRounds(lastRound).optThreads(2).build();
    }

    void run(Listener listener, CancellationToken token, Progress progress) throws Exception {
        prepareTemplate(progress, token);
        deleteTree(output());
        int total = 2 * (lastRound + 1);
        AtomicInteger finished = new AtomicInteger();
        progress.phase(Phase.EXPERIMENT, 0, total, "Round 0 of " + lastRound + " on both sides");
        try (Project source = sessions.apply(template())) {
            ExperimentRunner.inSession(source, output(), plan(source.store().settings(), lastRound))
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
        return run.combination().equals(ALOR.combination()) ? ALOR : RANDOM;
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
