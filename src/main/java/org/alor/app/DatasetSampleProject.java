package org.alor.app;

import org.alor.data.DatasetImport;
import org.alor.data.DatasetImports;
import org.alor.data.ImportRequest;
import org.alor.store.ProjectStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@link SampleProjectProvider} over a bundled dataset folder (e.g. sample-data/synthetic-aves): the
 * first time, it creates a project from the dataset in {@code projectDir} (like `alor init`); later it
 * returns that project. A folder that already holds a project is returned as it is.
 */
public final class DatasetSampleProject implements SampleProjectProvider {
    private final Path dataset;
    private final Path projectDir;

    public DatasetSampleProject(Path dataset, Path projectDir) {
        this.dataset = dataset;
        this.projectDir = projectDir;
    }

    @Override
    public Optional<String> unavailableReason() {
        if (Files.isRegularFile(dataset.resolve(ProjectStore.DATABASE_FILE)) || Files.isDirectory(dataset)) return Optional.empty();
        return Optional.of("The sample data is not installed (" + dataset + " is missing).");
    }

    @Override
    public Path prepare(JobProgress progress) throws Exception {
        if (Files.isRegularFile(dataset.resolve(ProjectStore.DATABASE_FILE))) return dataset;
        if (Files.isRegularFile(projectDir.resolve(ProjectStore.DATABASE_FILE))) return projectDir;
        progress.update("Reading the sample images", -1);
        DatasetImport imported = DatasetImports.run(new ImportRequest(dataset.toAbsolutePath().normalize(), null, null, null, null, 0,
                (done, total) -> progress.update("Reading the sample images " + done + " / " + total, total == 0 ? -1 : (double) done / total)));
        return ProjectCreator.create(new ProjectCreator.Spec(projectDir, imported, imported.classes(), null, null, null, 0.1, 0.2, 0));
    }
}
