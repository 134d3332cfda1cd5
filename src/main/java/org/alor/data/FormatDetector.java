package org.alor.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Guesses the format of a dataset folder. Rules, first match wins:
 * <ol>
 *   <li>a {@code .csv} file given as the root → CSV;</li>
 *   <li>reference split files (see {@link SplitFileSet}) in {@code <root>/splits/} or {@code <root>} whose first
 *       non-blank line reads {@code path class_id [flag]} → SPLIT_FILES;</li>
 *   <li>exactly one {@code *.csv} directly in the root → CSV (several → error: name one);</li>
 *   <li>a class file directly in the root ({@code *metrics*.json}, {@code classes.json}, {@code classes.txt})
 *       → CLASS_LIST (unlabeled images + class list);</li>
 *   <li>sub-folders holding images → IMAGE_FOLDER;</li>
 *   <li>otherwise an error explaining the accepted layouts.</li>
 * </ol>
 * An ImageFolder with a {@code classes.txt} at its root is therefore read as CLASS_LIST: pass the format explicitly.
 * A class file named in the request (e.g. a species list CSV kept in the root) is not taken for the dataset's CSV.
 */
public final class FormatDetector {
    private FormatDetector() {
    }

    public static DatasetFormat detect(Path root) throws IOException, DatasetFormatException {
        return detect(root, null);
    }

    /** @param classFile the class file given with the dataset, or null; never counted as the dataset's CSV */
    public static DatasetFormat detect(Path root, Path classFile) throws IOException, DatasetFormatException {
        Path given = classFile == null ? null : classFile.toAbsolutePath().normalize();
        if (Files.isRegularFile(root) && root.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return DatasetFormat.CSV;
        }
        if (!Files.isDirectory(root)) throw new DatasetFormatException(root, "not a folder or CSV file");
        SplitFileSet splits = SplitFileSet.locate(root);
        for (Path f : splits.files().values()) {
            if (looksLikeSplitFile(f)) return DatasetFormat.SPLIT_FILES;
        }
        List<Path> csvs = list(root, p -> Files.isRegularFile(p) && lower(p).endsWith(".csv")
                && !p.toAbsolutePath().normalize().equals(given));
        if (csvs.size() == 1) return DatasetFormat.CSV;
        if (csvs.size() > 1) {
            throw new DatasetFormatException(root, "several CSV files " + csvs.stream().map(p -> p.getFileName().toString()).toList()
                    + "; name the one to use explicitly");
        }
        if (ClassFiles.find(List.of(root)) != null) return DatasetFormat.CLASS_LIST;
        for (Path dir : ImageFolderImporter.classFolders(root)) {
            if (DatasetPaths.listFiles(dir).stream().anyMatch(ImageFiles::isImage)) return DatasetFormat.IMAGE_FOLDER;
        }
        throw new DatasetFormatException(root, "cannot tell the dataset format: expected class folders (root/<class>/<image>), "
                + "split files (val.txt, test.txt, pool.txt or ltrain.txt), a CSV file (path,label[,split]), "
                + "or images with a " + ClassFiles.CLASS_LIST_NAME);
    }

    private static boolean looksLikeSplitFile(Path f) throws IOException {
        for (String line : TextLines.read(f)) {
            String t = line.strip();
            if (t.isEmpty()) continue;
            try {
                SplitLine.parse(t);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> filter) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(filter).sorted().toList();
        }
    }

    private static String lower(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
