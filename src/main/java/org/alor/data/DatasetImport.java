package org.alor.data;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of importing a dataset: images are only referenced, never copied.
 *
 * @param root     the dataset root; every {@link SampleRecord#path()} is relative to it
 * @param format   the format the dataset was read as
 * @param classes  the classes, ordered by id
 * @param samples  the readable images, sorted by path
 * @param problems everything that was skipped or looked wrong, in the order found
 */
public record DatasetImport(Path root, DatasetFormat format, List<ClassInfo> classes,
                            List<SampleRecord> samples, List<ImportProblem> problems) {
    public DatasetImport {
        classes = List.copyOf(classes);
        samples = List.copyOf(samples);
        problems = List.copyOf(problems);
    }

    /** True when the input assigned some sample to val, test or retrieved (so no automatic split is needed). */
    public boolean hasSplitAssignments() {
        return samples.stream().anyMatch(s -> s.split() != Split.POOL);
    }

    /** The same import with other samples (e.g. after {@link StratifiedSplitter#assign}). */
    public DatasetImport withSamples(List<SampleRecord> newSamples) {
        return new DatasetImport(root, format, classes, newSamples, problems);
    }
}
