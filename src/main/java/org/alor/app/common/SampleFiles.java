package org.alor.app.common;

import org.alor.data.Split;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import org.alor.store.StoredSample;

import java.nio.file.Path;

/** Where a stored sample's image is: task samples under the dataset root, retrieved ones under the project. */
public final class SampleFiles {
    private final Path datasetRoot;
    private final Path projectDir;

    public SampleFiles(Path datasetRoot, Path projectDir) {
        this.datasetRoot = datasetRoot;
        this.projectDir = projectDir;
    }

    public static SampleFiles of(ProjectStore store) {
        Path root = store.settings().getPath(Settings.DATASET_ROOT).orElse(store.dir());
        return new SampleFiles(root, store.dir());
    }

    public Path resolve(StoredSample s) {
        Path base = s.split() == Split.RETRIEVED ? projectDir : datasetRoot;
        return base.resolve(s.path());
    }
}
