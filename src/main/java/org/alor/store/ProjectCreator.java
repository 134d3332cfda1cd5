package org.alor.store;

import org.alor.data.ClassInfo;
import org.alor.data.DatasetFormatException;
import org.alor.data.DatasetImport;
import org.alor.data.DatasetImports;
import org.alor.data.ImportRequest;
import org.alor.data.SampleRecord;
import org.alor.data.Split;
import org.alor.data.StratifiedSplitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Creates a project folder from a dataset: imports it, splits it per class when it has no splits of
 * its own, and writes classes, samples and settings in one transaction. Shared by `alor init`, the
 * new-project wizard and the bundled sample project.
 */
public final class ProjectCreator {
    /** How to split datasets that come without splits (ImageFolder, CSV). */
    public record SplitOptions(double valFraction, double testFraction, long seed) {
        public static SplitOptions defaults() {
            return new SplitOptions(0.1, 0.2, 0);
        }
    }

    /** What was created. */
    public record Created(Path projectDir, DatasetImport imported, List<SampleRecord> samples, boolean splitApplied) {
        public Map<Split, Integer> countsBySplit() {
            Map<Split, Integer> counts = new EnumMap<>(Split.class);
            for (SampleRecord s : samples) counts.merge(s.split(), 1, Integer::sum);
            return counts;
        }
    }

    /**
     * A project to create from an import that was already run (the wizard previews it first).
     *
     * @param classes        the (possibly edited) classes; ids must match the import's
     * @param checkpoint     CLIP checkpoint to remember, or null
     * @param checkpointHash its content hash when already known, or null
     * @param corpus         open-data corpus to remember, or null
     */
    public record Spec(Path projectDir, DatasetImport imported, List<ClassInfo> classes, Path checkpoint,
                       String checkpointHash, Path corpus, double valFraction, double testFraction, long seed) {
    }

    /** Where a project's database is built before it is renamed into place. */
    static final String BUILD_DIR = ".alor-init";
    /** Runs after the samples are written, before the project is complete: tests inject a failure here. */
    static volatile Runnable midImportHook = () -> { };

    private ProjectCreator() {
    }

    /**
     * @param checkpoint CLIP checkpoint to remember, or null
     * @param corpus     open-data corpus to remember, or null
     */
    public static Created create(Path projectDir, ImportRequest request, SplitOptions split, Path checkpoint, Path corpus)
            throws IOException, DatasetFormatException {
        return create(projectDir, request, split, checkpoint, corpus, Map.of());
    }

    /** As above, with more settings (key, value) written in the same transaction, e.g. the prompt set of `alor init`. */
    public static Created create(Path projectDir, ImportRequest request, SplitOptions split, Path checkpoint, Path corpus,
                                 Map<String, String> moreSettings) throws IOException, DatasetFormatException {
        if (Files.exists(projectDir.resolve(ProjectStore.DATABASE_FILE))) {
            throw new IllegalStateException(projectDir + " is already a project (change its settings with `alor set`)");
        }
        if (!Files.isDirectory(request.root()) && !Files.isRegularFile(request.root())) {
            throw new IllegalArgumentException("dataset " + request.root() + " does not exist");
        }
        if (checkpoint != null && !Files.exists(checkpoint)) throw new IllegalArgumentException("checkpoint " + checkpoint + " does not exist");
        if (corpus != null && !Files.exists(corpus)) throw new IllegalArgumentException("corpus " + corpus + " does not exist");

        DatasetImport imported = DatasetImports.run(request);
        return create(new Spec(projectDir, imported, imported.classes(), checkpoint, null, corpus,
                split.valFraction(), split.testFraction(), split.seed()), moreSettings);
    }

    /** Creates the project of {@code spec}, splitting per class when the import has no splits. */
    public static Created create(Spec spec) throws IOException {
        return create(spec, Map.of());
    }

    /**
     * The database is built in {@link #BUILD_DIR} inside the project folder and renamed to its place only when
     * complete, so a failure or a kill part-way leaves no {@code project.alor} and the next attempt starts over.
     */
    public static Created create(Spec spec, Map<String, String> moreSettings) throws IOException {
        Path projectDir = spec.projectDir();
        if (Files.exists(projectDir.resolve(ProjectStore.DATABASE_FILE))) {
            throw new IllegalStateException(projectDir + " is already a project (change its settings with `alor set`)");
        }
        DatasetImport imported = spec.imported();
        List<SampleRecord> samples = imported.samples();
        boolean splitApplied = !imported.hasSplitAssignments() && samples.stream().anyMatch(s -> s.trueLabel() != null);
        if (splitApplied) samples = new StratifiedSplitter(spec.valFraction(), spec.testFraction(), spec.seed()).assign(samples);

        Optional<CheckpointRecipe> recipe = spec.checkpoint() == null ? Optional.empty() : CheckpointRecipe.besideCheckpoint(spec.checkpoint());
        Files.createDirectories(projectDir);
        Path build = projectDir.resolve(BUILD_DIR);
        deleteTree(build);
        try {
            build(build, spec, samples, recipe, moreSettings);
            publish(build, projectDir);
        } finally {
            deleteTree(build);
        }
        return new Created(projectDir, imported, samples, splitApplied);
    }

    private static void build(Path build, Spec spec, List<SampleRecord> toStore, Optional<CheckpointRecipe> recipe,
                              Map<String, String> moreSettings) {
        DatasetImport imported = spec.imported();
        try (ProjectStore store = ProjectStore.create(build)) {
            store.database().inTransaction(tx -> {
                store.classTable().replace(spec.classes());
                store.sampleTable().insert(toStore);
                midImportHook.run();
                Settings settings = store.settings();
                settings.set(Settings.DATASET_ROOT, imported.root());
                settings.set("dataset_format", imported.format().key());
                settings.set(Settings.SEED, spec.seed());
                if (spec.checkpoint() != null) settings.set(Settings.CHECKPOINT, spec.checkpoint().toAbsolutePath().normalize());
                if (spec.checkpointHash() != null) settings.set(Settings.CHECKPOINT_HASH, spec.checkpointHash());
                recipe.ifPresent(r -> r.recordIn(settings));
                if (spec.corpus() != null) settings.set(Settings.CORPUS, spec.corpus().toAbsolutePath().normalize());
                ImportProblemLog.save(settings, imported.problems());
                moreSettings.forEach(settings::set);
                return null;
            });
        }
    }

    /** Moves the finished database into the project folder; the rename of {@code project.alor} is the commit. */
    private static void publish(Path build, Path projectDir) throws IOException {
        for (String orphan : List.of("-wal", "-shm")) {
            // a log without its database (from a killed earlier attempt) would be replayed into the new one
            Files.deleteIfExists(projectDir.resolve(ProjectStore.DATABASE_FILE + orphan));
        }
        Path wal = build.resolve(ProjectStore.DATABASE_FILE + "-wal");
        // closing the last connection normally folds the log into the database; if not, the log must come along
        if (Files.exists(wal) && Files.size(wal) > 0) {
            Files.move(wal, projectDir.resolve(wal.getFileName()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(build.resolve(ProjectStore.DATABASE_FILE), projectDir.resolve(ProjectStore.DATABASE_FILE),
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Best effort: what a killed creation left in the build folder is worthless. */
    private static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover only costs disk space; ProjectStore.create reports it if it is in the way
        }
    }
}
