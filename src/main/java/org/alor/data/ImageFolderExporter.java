package org.alor.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Copies labeled images to {@code OUT/<class name>/<file name>}, the layout {@link ImageFolderImporter} reads.
 * Files are copied, not hard-linked: links fail across file systems and would tie the export to the originals.
 * Each copy replaces a file of the same name atomically (see {@link GuardedExport} for when that is allowed).
 * A clashing file name within the export gets a suffix ({@code a.jpg}, {@code a_1.jpg}, ...; compared case-insensitively for
 * case-insensitive file systems). Every class gets a folder, even an empty one. Unlabeled images and missing
 * sources are skipped and reported. Splits are not represented in this layout.
 */
public final class ImageFolderExporter implements DatasetExporter {
    @Override
    public String name() {
        return "imagefolder";
    }

    @Override
    public ExportResult export(List<ClassInfo> classes, List<LabeledSample> samples, Path datasetRoot, Path out) throws IOException {
        Map<Integer, Path> folders = classFolders(classes, out);
        List<Path> written = new ArrayList<>();
        List<ImportProblem> skipped = new ArrayList<>();
        Map<Path, Set<String>> taken = new HashMap<>();
        List<LabeledSample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparing(LabeledSample::path));
        for (LabeledSample s : sorted) {
            if (s.label() == null) {
                skipped.add(new ImportProblem(s.path(), "unlabeled, not exported"));
                continue;
            }
            Path folder = folders.get(s.label());
            if (folder == null) {
                skipped.add(new ImportProblem(s.path(), "unknown class id " + s.label()));
                continue;
            }
            Path source = datasetRoot.resolve(s.path());
            if (!Files.isRegularFile(source)) {
                skipped.add(new ImportProblem(s.path(), "source image not found"));
                continue;
            }
            Path target = folder.resolve(freeName(folder, source.getFileName().toString(), taken));
            AtomicFiles.copy(source, target);
            written.add(target);
        }
        return new ExportResult(written, skipped);
    }

    private static Map<Integer, Path> classFolders(List<ClassInfo> classes, Path out) throws IOException {
        Map<Integer, Path> folders = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (ClassInfo c : classes) {
            String name = safeFolderName(c.name());
            if (!used.add(name.toLowerCase(Locale.ROOT))) {
                name = name + "_" + c.id();
                used.add(name.toLowerCase(Locale.ROOT));
            }
            Path dir = out.resolve(name);
            Files.createDirectories(dir);
            folders.put(c.id(), dir);
        }
        return folders;
    }

    /** A class name usable as a folder name on Windows, macOS and Linux. */
    static String safeFolderName(String className) {
        String s = className.replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "_").strip();
        s = s.replaceAll("[. ]+$", "");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }

    private static String freeName(Path folder, String fileName, Map<Path, Set<String>> taken) {
        Set<String> names = taken.computeIfAbsent(folder, k -> new HashSet<>());
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String ext = dot > 0 ? fileName.substring(dot) : "";
        String candidate = fileName;
        for (int k = 1; names.contains(candidate.toLowerCase(Locale.ROOT)); k++) {
            candidate = stem + "_" + k + ext;
        }
        names.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }
}
