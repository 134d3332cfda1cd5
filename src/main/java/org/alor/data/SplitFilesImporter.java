package org.alor.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference split files (see {@link SplitFileSet} for how they are found) plus a class definition: the metadata
 * JSON or a plain class list (see {@link ClassFiles#find}), searched in the same folders. Image paths are relative
 * to the dataset root. Without any class file the classes are named {@code class_<id>} up to the largest id seen
 * (reported as a problem). Bad lines, unknown class ids, duplicate paths and missing images are reported.
 */
public final class SplitFilesImporter implements DatasetImporter {
    private final SplitFileSet explicitFiles;
    private final Path explicitClassFile;
    private final ImageInspector inspector;

    /**
     * @param splitFiles explicit split files, or null/empty to locate them under the root
     * @param classFile  explicit class file (JSON or class list), or null to locate it
     */
    public SplitFilesImporter(SplitFileSet splitFiles, Path classFile, ImageInspector inspector) {
        this.explicitFiles = splitFiles == null ? new SplitFileSet(Map.of()) : splitFiles;
        this.explicitClassFile = classFile;
        this.inspector = inspector;
    }

    public SplitFilesImporter() {
        this(null, null, new ImageInspector());
    }

    @Override
    public DatasetFormat format() {
        return DatasetFormat.SPLIT_FILES;
    }

    private record Entry(String path, Split split, int classId) {
    }

    @Override
    public DatasetImport importFrom(Path root) throws IOException, DatasetFormatException {
        if (!Files.isDirectory(root)) throw new DatasetFormatException(root, "not a folder");
        SplitFileSet files = explicitFiles.isEmpty() ? SplitFileSet.locate(root) : explicitFiles;
        if (files.isEmpty()) {
            throw new DatasetFormatException(root, "no split files found (looked for pool.txt/ltrain.txt/train.txt, val.txt, "
                    + "test.txt, retrieved.txt in " + root.resolve("splits") + " and " + root + ")");
        }
        List<ImportProblem> problems = new ArrayList<>();
        Path classFile = explicitClassFile != null ? explicitClassFile : ClassFiles.find(SplitFileSet.searchFolders(root));
        List<ClassInfo> classes = classFile == null ? null : ClassFiles.read(classFile);

        List<Entry> entries = new ArrayList<>();
        Map<String, String> firstSeen = new HashMap<>();
        for (Map.Entry<Split, Path> sf : files.files().entrySet()) {
            readSplitFile(root, sf.getValue(), sf.getKey(), classes == null ? -1 : classes.size(), entries, firstSeen, problems);
        }
        if (classes == null) {
            classes = classesFromIds(entries);
            problems.add(new ImportProblem(".", "no class metadata or class list found; classes are named class_<id>"));
        }
        List<SampleAssembler.Candidate> candidates = new ArrayList<>();
        for (Entry e : entries) {
            Integer label = e.classId() == SplitLine.UNLABELED ? null : e.classId();
            candidates.add(new SampleAssembler.Candidate(e.path(), e.split(), label));
        }
        List<SampleRecord> samples = new SampleAssembler(inspector).assemble(root, candidates, problems);
        return new DatasetImport(root, format(), classes, samples, problems);
    }

    /** Reads one split file; a line becomes an entry only when valid, so a bad line never shadows a later good one. */
    private static void readSplitFile(Path root, Path file, Split split, int classCount, List<Entry> entries,
                                      Map<String, String> firstSeen, List<ImportProblem> problems) throws IOException {
        String origin = DatasetPaths.display(root, file);
        if (!Files.isRegularFile(file)) {
            problems.add(new ImportProblem(origin, "split file not found"));
            return;
        }
        List<String> lines = TextLines.read(file);
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String text = lines.get(i).strip();
            if (text.isEmpty()) continue;
            try {
                SplitLine line = SplitLine.parse(text);
                String path = DatasetPaths.normalise(root, line.path());
                if (line.classId() == SplitLine.UNLABELED && split != Split.POOL) {
                    throw new IllegalArgumentException(split.key() + " images need a class id");
                }
                if (classCount >= 0 && line.classId() >= classCount) {
                    throw new IllegalArgumentException("unknown class id " + line.classId() + " (classes are 0.." + (classCount - 1) + ")");
                }
                if (!Files.isRegularFile(root.resolve(path))) throw new IllegalArgumentException("image '" + path + "' not found");
                String previous = firstSeen.putIfAbsent(path, origin + " line " + lineNo);
                if (previous != null) throw new IllegalArgumentException("duplicate path '" + path + "' (already in " + previous + ")");
                entries.add(new Entry(path, split, line.classId()));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(origin, "line " + lineNo + ": " + e.getMessage()));
            }
        }
    }

    private static List<ClassInfo> classesFromIds(List<Entry> entries) {
        int max = entries.stream().mapToInt(Entry::classId).max().orElse(-1);
        List<ClassInfo> classes = new ArrayList<>();
        for (int id = 0; id <= max; id++) classes.add(ClassInfo.named(id, "class_" + id));
        return classes;
    }
}
