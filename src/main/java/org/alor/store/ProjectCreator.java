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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

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

    private ProjectCreator() {
    }

    /**
     * @param checkpoint CLIP checkpoint to remember, or null
     * @param corpus     open-data corpus to remember, or null
     */
    public static Created create(Path projectDir, ImportRequest request, SplitOptions split, Path checkpoint, Path corpus)
            throws IOException, DatasetFormatException {
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
                split.valFraction(), split.testFraction(), split.seed()));
    }

    /** Creates the project of {@code spec}, splitting per class when the import has no splits. */
    public static Created create(Spec spec) throws IOException {
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
        List<SampleRecord> toStore = samples;
        try (ProjectStore store = ProjectStore.create(projectDir)) {
            store.database().inTransaction(tx -> {
                store.classTable().replace(spec.classes());
                store.sampleTable().insert(toStore);
                Settings settings = store.settings();
                settings.set(Settings.DATASET_ROOT, imported.root());
                settings.set("dataset_format", imported.format().key());
                settings.set(Settings.SEED, spec.seed());
                if (spec.checkpoint() != null) settings.set(Settings.CHECKPOINT, spec.checkpoint().toAbsolutePath().normalize());
                if (spec.checkpointHash() != null) settings.set(Settings.CHECKPOINT_HASH, spec.checkpointHash());
                recipe.ifPresent(r -> r.recordIn(settings));
                if (spec.corpus() != null) settings.set(Settings.CORPUS, spec.corpus().toAbsolutePath().normalize());
                ImportProblemLog.save(settings, imported.problems());
                return null;
            });
        }
        return new Created(projectDir, imported, samples, splitApplied);
    }
}
