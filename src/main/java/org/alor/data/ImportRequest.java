package org.alor.data;

import java.nio.file.Path;
import java.util.Map;

/**
 * What to import and how. Everything but {@code root} is optional (null = detect / locate / default).
 *
 * @param root       the dataset folder (or a CSV file, whose folder becomes the root)
 * @param format     the format, or null to {@link FormatDetector detect} it
 * @param csvFile    CSV format: the CSV file
 * @param classFile  class list or metadata JSON (split files, CSV, class-list formats)
 * @param splitFiles split-files format: explicit files per split
 * @param threads    image inspection threads, 0 = {@link ImageInspector#defaultThreads()}
 * @param progress   progress callback, may be null
 */
public record ImportRequest(Path root, DatasetFormat format, Path csvFile, Path classFile,
                            SplitFileSet splitFiles, int threads, ImportProgress progress) {
    public ImportRequest {
        if (root == null) throw new IllegalArgumentException("root is required");
        if (splitFiles == null) splitFiles = new SplitFileSet(Map.of());
        if (progress == null) progress = ImportProgress.NONE;
    }

    /** Detect everything. */
    public static ImportRequest of(Path root) {
        return new ImportRequest(root, null, null, null, null, 0, null);
    }

    public ImportRequest withFormat(DatasetFormat f) {
        return new ImportRequest(root, f, csvFile, classFile, splitFiles, threads, progress);
    }

    public ImportRequest withClassFile(Path file) {
        return new ImportRequest(root, format, csvFile, file, splitFiles, threads, progress);
    }
}
