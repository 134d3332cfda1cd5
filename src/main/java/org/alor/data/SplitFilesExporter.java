package org.alor.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes reference split files into {@code OUT}: one file per non-empty split, lines {@code path class_id flag}
 * sorted by path, plus the class metadata {@value ClassMetadataJson#EXPORT_FILE_NAME}.
 * The flag column is meaningless (docs/method.md §2) and is written as a constant, {@code 1} by default, which is what
 * reference-style files carry; an unlabeled pool image is written with class id {@code -1}, which the importer
 * reads back as unlabeled. Paths stay relative to the dataset root: put the files in the dataset root or its
 * {@code splits/} folder to import them again.
 */
public final class SplitFilesExporter implements DatasetExporter {
    /** {@code pool.txt}, {@code val.txt}, {@code test.txt}, {@code retrieved.txt}. */
    public static final Map<Split, String> ALOR_NAMES = Map.of(
            Split.POOL, "pool.txt", Split.VAL, "val.txt", Split.TEST, "test.txt", Split.RETRIEVED, "retrieved.txt");
    /** The names the reference code reads: {@code ltrain.txt}, {@code val.txt}, {@code test.txt}, {@code retrieved_data.txt}. */
    public static final Map<Split, String> REFERENCE_NAMES = Map.of(
            Split.POOL, "ltrain.txt", Split.VAL, "val.txt", Split.TEST, "test.txt", Split.RETRIEVED, "retrieved_data.txt");

    private final Map<Split, String> fileNames;
    private final String flag;
    private final Map<Integer, Integer> actualFreq;

    /**
     * @param fileNames  file name per split ({@link #ALOR_NAMES} or {@link #REFERENCE_NAMES})
     * @param flag       the constant third column
     * @param actualFreq {@code actual_freq} per class id for the metadata JSON, or null
     */
    public SplitFilesExporter(Map<Split, String> fileNames, String flag, Map<Integer, Integer> actualFreq) {
        if (flag.isEmpty() || flag.contains(" ")) throw new IllegalArgumentException("flag must be one non-empty field");
        this.fileNames = Map.copyOf(fileNames);
        this.flag = flag;
        this.actualFreq = actualFreq;
    }

    public SplitFilesExporter() {
        this(ALOR_NAMES, "1", null);
    }

    @Override
    public String name() {
        return "splits";
    }

    @Override
    public ExportResult export(List<ClassInfo> classes, List<LabeledSample> samples, Path datasetRoot, Path out) throws IOException {
        Files.createDirectories(out);
        List<ImportProblem> skipped = new ArrayList<>();
        Map<Split, List<String>> lines = new EnumMap<>(Split.class);
        List<LabeledSample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparing(LabeledSample::path));
        for (LabeledSample s : sorted) {
            if (s.path().contains("\n") || s.path().contains("\r")) {
                skipped.add(new ImportProblem(s.path(), "path contains a line break, cannot be written to a split file"));
                continue;
            }
            if (s.label() == null && s.split() != Split.POOL) {
                skipped.add(new ImportProblem(s.path(), s.split().key() + " image without a label"));
                continue;
            }
            if (s.label() != null && (s.label() < 0 || s.label() >= classes.size())) {
                skipped.add(new ImportProblem(s.path(), "unknown class id " + s.label()));
                continue;
            }
            int id = s.label() == null ? SplitLine.UNLABELED : s.label();
            lines.computeIfAbsent(s.split(), k -> new ArrayList<>()).add(SplitLine.format(s.path(), id, flag));
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Split, List<String>> e : lines.entrySet()) {
            Path file = out.resolve(fileNames.get(e.getKey()));
            AtomicFiles.write(file, w -> {
                for (String line : e.getValue()) w.write(line + "\n");
            });
            written.add(file);
        }
        Path metadata = out.resolve(ClassMetadataJson.EXPORT_FILE_NAME);
        ClassMetadataJson.write(metadata, classes, actualFreq);
        written.add(metadata);
        return new ExportResult(written, skipped);
    }
}
