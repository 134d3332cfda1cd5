package org.alor.app;

import org.alor.data.ClassInfo;
import org.alor.data.DatasetImport;
import org.alor.data.SampleRecord;
import org.alor.data.StratifiedSplitter;
import org.alor.store.ImportProblemLog;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Creates a project folder from an import, the same way `alor init` does (stratified split when the
 * dataset has none, the same settings keys). Duplicates InitCommand's body until the lead moves the
 * shared part into one place.
 */
public final class ProjectCreator {
    /**
     * @param classes    the (possibly edited) classes; ids must match the import's
     * @param checkpoint may be null
     * @param corpus     may be null
     */
    public record Spec(Path projectDir, DatasetImport imported, List<ClassInfo> classes, Path checkpoint,
                       String checkpointHash, Path corpus, double valFraction, double testFraction, long seed) {
    }

    private ProjectCreator() {
    }

    public static Path create(Spec spec) throws IOException {
        Path dir = spec.projectDir();
        if (Files.exists(dir.resolve(ProjectStore.DATABASE_FILE))) throw new IllegalStateException(dir + " is already a project");
        DatasetImport imported = spec.imported();
        List<SampleRecord> samples = imported.samples();
        boolean split = !imported.hasSplitAssignments() && samples.stream().anyMatch(s -> s.trueLabel() != null);
        if (split) samples = new StratifiedSplitter(spec.valFraction(), spec.testFraction(), spec.seed()).assign(samples);
        Files.createDirectories(dir);
        List<SampleRecord> toStore = samples;
        try (ProjectStore store = ProjectStore.create(dir)) {
            store.inTransaction(tx -> {
                store.replaceClasses(spec.classes());
                store.insertSamples(toStore);
                Settings settings = store.settings();
                settings.set(Settings.DATASET_ROOT, imported.root());
                settings.set("dataset_format", imported.format().key());
                settings.set(Settings.SEED, spec.seed());
                settings.set(Settings.CREATED_AT, Instant.now());
                if (spec.checkpoint() != null) settings.set(Settings.CHECKPOINT, spec.checkpoint().toAbsolutePath().normalize());
                if (spec.checkpointHash() != null) settings.set(Settings.CHECKPOINT_HASH, spec.checkpointHash());
                if (spec.corpus() != null) settings.set(Settings.CORPUS, spec.corpus().toAbsolutePath().normalize());
                ImportProblemLog.save(settings, imported.problems());
                return null;
            });
        }
        return dir;
    }
}
