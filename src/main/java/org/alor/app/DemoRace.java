package org.alor.app;

import org.alor.data.Split;
import org.alor.job.CancellationToken;
import org.alor.loop.Method;
import org.alor.loop.ModelBackend;
import org.alor.loop.OracleLabeler;
import org.alor.loop.Round0Mode;
import org.alor.loop.RoundEngine;
import org.alor.loop.RoundSpec;
import org.alor.store.MetricRow;
import org.alor.store.ProjectStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Demo mode's "ALOR vs Random": two fresh copies of the sample world, rounds 0..N with the oracle
 * (Round0Mode.SIMULATION), method LP, strategy TFS in one and random in the other, played round by round so
 * both curves grow side by side. Runs on a background thread; reports each finished round to a {@link Listener}.
 */
final class DemoRace {
    static final String ALOR = "tfs";
    static final String RANDOM = "random";

    /** A finished round of one side: test accuracy (0..1) and the side's project, for its heat map. */
    interface Listener {
        void roundDone(String strategy, int round, double testAccuracy, ProjectStore store);
    }

    private final Path folder;
    private final int lastRound;
    private final String method;
    private final int epochs;
    private volatile double overall = -1;

    /**
     * @param folder        where the two copies go (replaced on every run)
     */
    DemoRace(Path folder, int lastRound, String method, int epochs) {
        if (lastRound < 0) throw new IllegalArgumentException("the last round must be 0 or more, not " + lastRound);
        this.folder = folder;
        this.lastRound = lastRound;
        this.method = method;
        this.epochs = epochs;
    }

    /** The folder of one side's project. */
    Path projectOf(String strategy) {
        return folder.resolve("demo-" + strategy);
    }

    /** @param backend where features and prompts come from (the sample's CLIP); the caller closes it */
    void run(Listener listener, CancellationToken token, JobProgress progress, ModelBackend backend) throws Exception {
        prepare(progress, backend);
        try (ProjectStore alor = ProjectStore.open(projectOf(ALOR)); ProjectStore random = ProjectStore.open(projectOf(RANDOM))) {
            RoundEngine a = engine(alor, ALOR, token, progress, backend);
            RoundEngine b = engine(random, RANDOM, token, progress, backend);
            for (int r = 0; r <= lastRound; r++) {
                for (Side side : List.of(new Side(ALOR, alor, a), new Side(RANDOM, random, b))) {
                    if (progress.isCancelled()) token.cancel();
                    token.throwIfCancelled();
                    overall = (2.0 * r + (side.strategy().equals(ALOR) ? 0 : 1)) / (2.0 * (lastRound + 1));
                    progress.update("Round " + r + " of " + lastRound + ": " + label(side.strategy()), overall);
                    side.engine().runRound(r, r < lastRound);
                    MetricRow m = side.store().overallMetrics(Split.TEST).get(r);
                    listener.roundDone(side.strategy(), r, m == null ? Double.NaN : m.accuracy(), side.store());
                }
            }
        }
    }

    private record Side(String strategy, ProjectStore store, RoundEngine engine) {
    }

    static String label(String strategy) {
        return strategy.equals(ALOR) ? "ALOR (TFS)" : "Random";
    }

    private RoundEngine engine(ProjectStore store, String strategy, CancellationToken token, JobProgress progress,
                               ModelBackend backend) {
        RoundSpec spec = RoundSpec.builder(Method.parse(method), strategy).optProjectSettings(store.settings())
                .optEpochs(epochs).optRound0(Round0Mode.SIMULATION).build();
        return new RoundEngine(store, spec, backend.featureSource(store), backend.textEncoder(store),
                new OracleLabeler()).withCancellation(token)
                .withProgress((phase, done, total, message) -> {
                    if (progress.isCancelled()) token.cancel();
                    if (message != null && !message.isBlank()) progress.update(label(strategy) + ": " + message, overall);
                });
    }

    /**
     * Both sides start as copies of a template: a fresh sample project whose image features were computed once
     * (kept in {@code <folder>/template}, so a second run in a talk starts at once). Sample ids are equal in the
     * copies, so the feature-cache index copied with the database stays valid. Delete the folder to rebuild it.
     */
    private void prepare(JobProgress progress, ModelBackend backend) throws Exception {
        Path template = folder.resolve("template");
        if (!Files.exists(template.resolve(ProjectStore.DATABASE_FILE))) {
            deleteTree(template);
            Files.createDirectories(folder);
            progress.update("Creating the sample world", -1);
            SampleProject.createAt(template);
            try (ProjectStore t = ProjectStore.open(template)) {
                progress.update("Computing image features once for both sides (first run only)", -1);
                java.util.List<Long> ids = new java.util.ArrayList<>();
                for (Split s : List.of(Split.POOL, Split.VAL, Split.TEST, Split.RETRIEVED)) {
                    for (var x : t.samples(s)) ids.add(x.id());
                }
                backend.featureSource(t).features(ids);
            }
        }
        if (progress.isCancelled()) throw new java.util.concurrent.CancellationException("cancelled");
        progress.update("Copying the sample world for both sides", -1);
        deleteTree(projectOf(ALOR));
        deleteTree(projectOf(RANDOM));
        try (ProjectStore t = ProjectStore.open(template)) {
            t.copyDatabaseTo(projectOf(ALOR));
            t.copyDatabaseTo(projectOf(RANDOM));
        }
        copyTree(template.resolve(ProjectStore.FEATURES_DIR), projectOf(ALOR).resolve(ProjectStore.FEATURES_DIR));
        copyTree(template.resolve(ProjectStore.FEATURES_DIR), projectOf(RANDOM).resolve(ProjectStore.FEATURES_DIR));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
