package org.alor.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A CSV file {@code path,label[,split]} (RFC 4180 quoting). Paths are relative to the dataset root.
 *
 * <ul>
 *   <li>Header: the first row is a header when one of its fields names a path column ({@code path}, {@code file}, {@code filename},
 *       {@code image}, {@code filepath}); columns are then found by name ({@code label}/{@code class}/...,
 *       {@code split}/{@code subset}), else they are taken in the order path, label, split.</li>
 *   <li>Labels: with a class file (explicit, or found next to the CSV as for split files) a label is a class name,
 *       else a class id. Without a class file, if every label is a non-negative integer they are ids (classes named
 *       {@code class_<id>}), otherwise the distinct labels are the class names, ids in sorted order.</li>
 *   <li>Split: pool/val/test/retrieved (also ltrain, train, validation); empty = pool.
 *       An empty label means unlabeled and is allowed only in the pool.</li>
 *   <li>A bad row is reported and skipped, but an unbalanced quote refuses the whole file at its line: after it,
 *       no line boundary can be trusted.</li>
 * </ul>
 */
public final class CsvImporter implements DatasetImporter {
    private static final Set<String> PATH_NAMES = Set.of("path", "file", "filename", "file_name", "image", "filepath", "image_path");
    private static final Set<String> LABEL_NAMES = Set.of("label", "class", "class_name", "classname", "class_id", "label_id", "category");
    private static final Set<String> SPLIT_NAMES = Set.of("split", "subset", "set");

    private final Path explicitCsv;
    private final Path explicitClassFile;
    private final ImageInspector inspector;

    /**
     * @param csvFile   the CSV, or null to use the single {@code *.csv} in the root
     * @param classFile class list or metadata JSON, or null to look for one next to the CSV
     */
    public CsvImporter(Path csvFile, Path classFile, ImageInspector inspector) {
        this.explicitCsv = csvFile;
        this.explicitClassFile = classFile;
        this.inspector = inspector;
    }

    public CsvImporter() {
        this(null, null, new ImageInspector());
    }

    @Override
    public DatasetFormat format() {
        return DatasetFormat.CSV;
    }

    /** A valid row; {@code classId} is resolved when a class file was given, else derived from the labels later. */
    private record Row(int line, String path, String label, Integer classId, Split split) {
    }

    /** Validates one record; a record is registered as seen only when valid, so a bad row never shadows a good one. */
    private static Row parseRow(Path root, int line, List<String> f, int[] columns, boolean positional,
                                LabelResolver resolver, Map<String, Integer> firstLine) {
        if (positional && f.size() > 3) {
            throw new IllegalArgumentException("expected path,label[,split] but found " + f.size() + " fields");
        }
        String path = DatasetPaths.normalise(root, field(f, columns[0]));
        String label = field(f, columns[1]).strip();
        String splitText = field(f, columns[2]).strip();
        Split split = splitText.isEmpty() ? Split.POOL : Split.parse(splitText);
        if (label.isEmpty() && split != Split.POOL) throw new IllegalArgumentException(split.key() + " images need a label");
        Integer classId = null;
        if (resolver != null && !label.isEmpty()) {
            classId = resolver.resolve(label);
            if (classId == null) throw new IllegalArgumentException("unknown class '" + label + "'");
        }
        if (!Files.isRegularFile(root.resolve(path))) throw new IllegalArgumentException("image '" + path + "' not found");
        Integer previous = firstLine.putIfAbsent(path, line);
        if (previous != null) throw new IllegalArgumentException("duplicate path '" + path + "' (already on line " + previous + ")");
        return new Row(line, path, label, classId, split);
    }

    @Override
    public DatasetImport importFrom(Path root) throws IOException, DatasetFormatException {
        if (!Files.isDirectory(root)) throw new DatasetFormatException(root, "not a folder");
        Path csv = explicitCsv != null ? explicitCsv : findCsv(root);
        if (!Files.isRegularFile(csv)) throw new DatasetFormatException(csv, "CSV file not found");
        String origin = DatasetPaths.display(root, csv);
        List<ImportProblem> problems = new ArrayList<>();
        List<CsvReader.Row> records = CsvReader.parse(TextLines.readText(csv));
        int[] columns = {0, 1, 2};
        int first = 0;
        if (!records.isEmpty() && records.get(0).error() == null && isHeader(records.get(0).fields())) {
            columns = headerColumns(csv, records.get(0).fields());
            first = 1;
        }
        Path csvDir = csv.toAbsolutePath().normalize().getParent();
        Path classFile = explicitClassFile != null ? explicitClassFile
                : ClassFiles.find(csvDir.equals(root.toAbsolutePath().normalize()) ? List.of(root) : List.of(csvDir, root));
        List<ClassInfo> givenClasses = classFile != null ? ClassFiles.read(classFile) : null;
        LabelResolver resolver = givenClasses == null ? null : new LabelResolver(givenClasses);

        List<Row> rows = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int r = first; r < records.size(); r++) {
            CsvReader.Row rec = records.get(r);
            // a quote error makes every later line boundary doubtful: refuse rather than import a guess
            if (rec.error() != null) throw new DatasetFormatException(csv, rec.line(), rec.error());
            List<String> f = rec.fields();
            int lineBreaks = (int) f.stream().mapToLong(x -> x.chars().filter(ch -> ch == '\n').count()).sum();
            if (lineBreaks > 0) {
                throw new DatasetFormatException(csv, rec.line(), "unbalanced quote: a quoted field runs from here to line "
                        + (rec.line() + lineBreaks) + " (paths and labels cannot hold line breaks)");
            }
            if (f.size() == 1 && f.get(0).isBlank()) continue;
            try {
                rows.add(parseRow(root, rec.line(), f, columns, first == 0, resolver, firstLine));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(origin, "line " + rec.line() + ": " + e.getMessage()));
            }
        }
        List<ClassInfo> classes = givenClasses;
        Map<String, Integer> idOfLabel = new HashMap<>();
        if (classes == null) {
            classes = classesFromLabels(rows, idOfLabel, problems);
            Map<String, Integer> firstLineOfLabel = new HashMap<>();
            for (Row row : rows) firstLineOfLabel.putIfAbsent(row.label(), row.line());
            List<ClassInfo> fromLabels = classes;
            ClassNameCheck.check(classes, csv, i -> firstLineOfLabel.getOrDefault(fromLabels.get(i).name(), 0));
        }
        List<SampleAssembler.Candidate> candidates = new ArrayList<>();
        for (Row row : rows) {
            Integer label = row.classId() != null ? row.classId() : idOfLabel.get(row.label());
            candidates.add(new SampleAssembler.Candidate(row.path(), row.split(), label));
        }
        List<SampleRecord> samples = new SampleAssembler(inspector).assemble(root, candidates, problems);
        return new DatasetImport(root, format(), classes, samples, problems);
    }

    /** The single CSV file directly in the root. */
    static Path findCsv(Path root) throws IOException, DatasetFormatException {
        List<Path> csvs;
        try (Stream<Path> s = Files.list(root)) {
            csvs = s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList();
        }
        if (csvs.isEmpty()) throw new DatasetFormatException(root, "no CSV file in the folder");
        if (csvs.size() > 1) {
            throw new DatasetFormatException(root, "several CSV files " + csvs.stream().map(p -> p.getFileName().toString()).toList()
                    + "; name the one to use explicitly");
        }
        return csvs.get(0);
    }

    private static boolean isHeader(List<String> fields) {
        return fields.stream().anyMatch(f -> PATH_NAMES.contains(f.strip().toLowerCase(Locale.ROOT)));
    }

    private static int[] headerColumns(Path csv, List<String> header) throws DatasetFormatException {
        int[] cols = {-1, -1, -1};
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (PATH_NAMES.contains(h) && cols[0] < 0) cols[0] = i;
            else if (LABEL_NAMES.contains(h) && cols[1] < 0) cols[1] = i;
            else if (SPLIT_NAMES.contains(h) && cols[2] < 0) cols[2] = i;
        }
        if (cols[0] < 0) throw new DatasetFormatException(csv, 1, "the header has no path column");
        return cols;
    }

    private static String field(List<String> fields, int column) {
        return column >= 0 && column < fields.size() ? fields.get(column) : "";
    }

    /** Classes when no class file exists; fills {@code idOfLabel} with the id of every label text. */
    private static List<ClassInfo> classesFromLabels(List<Row> rows, Map<String, Integer> idOfLabel, List<ImportProblem> problems) {
        TreeSet<String> labels = new TreeSet<>();
        for (Row r : rows) if (!r.label().isEmpty()) labels.add(r.label());
        List<ClassInfo> classes = new ArrayList<>();
        if (!labels.isEmpty() && labels.stream().allMatch(l -> l.matches("\\d{1,9}"))) {
            for (String l : labels) idOfLabel.put(l, Integer.parseInt(l));
            int max = idOfLabel.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
            for (int id = 0; id <= max; id++) classes.add(ClassInfo.named(id, "class_" + id));
            problems.add(new ImportProblem(".", "labels are class ids but no class list was found; classes are named class_<id>"));
        } else {
            for (String l : labels) {
                idOfLabel.put(l, classes.size());
                classes.add(ClassInfo.named(classes.size(), l));
            }
        }
        return classes;
    }

    /** Label text → class id: exact class name first, then a class id in range. */
    private static final class LabelResolver {
        private final Map<String, Integer> byName = new HashMap<>();
        private final int count;

        LabelResolver(List<ClassInfo> classes) {
            for (ClassInfo c : classes) byName.putIfAbsent(c.name(), c.id());
            count = classes.size();
        }

        Integer resolve(String label) {
            Integer id = byName.get(label);
            if (id != null) return id;
            if (label.matches("\\d{1,9}")) {
                int n = Integer.parseInt(label);
                if (n < count) return n;
            }
            return null;
        }
    }
}
