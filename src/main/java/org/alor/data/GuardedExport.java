package org.alor.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs an exporter so that it cannot destroy anything: never into (or around) the project folder, never over an
 * existing file or into a non-empty folder unless forced. A CSV file is written through a temporary file and an
 * atomic rename. A folder export is built in a temporary folder next to the target and renamed into place, so the
 * target folder appears complete or not at all; forced into a non-empty folder, it replaces each file of the same
 * name atomically and keeps the others.
 */
public final class GuardedExport {
    /** The CSV file name used when {@code --out} is an existing folder. */
    public static final String CSV_FILE_NAME = "labels.csv";

    private final Path projectDir;
    private final boolean force;

    /**
     * @param projectDir the project folder, never written into
     * @param force      allow replacing an existing file or writing into a non-empty folder
     */
    public GuardedExport(Path projectDir, boolean force) {
        this.projectDir = projectDir;
        this.force = force;
    }

    /** The file a CSV export to {@code out} writes: {@code out} itself, or {@code out/labels.csv} for a folder. */
    public static Path csvTarget(Path out) {
        return Files.isDirectory(out) ? out.resolve(CSV_FILE_NAME) : out;
    }

    /**
     * Refuses a report file (e.g. a plot or a JSON written beside a command's work) that would land inside the project
     * folder, or over an existing file unless {@code force}.
     */
    public static void checkReportFile(Path projectDir, Path file, boolean force) throws IOException {
        new GuardedExport(projectDir, force).refuseInsideProject(file);
        if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !force) {
            throw new ExportRefusedException(file + " already exists; use --force to replace it");
        }
    }

    public ExportResult run(DatasetExporter exporter, List<ClassInfo> classes, List<LabeledSample> samples, Path datasetRoot,
                            Path out) throws IOException {
        if (exporter instanceof CsvExporter) {
            Path file = csvTarget(out);
            refuseInsideProject(file);
            if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !force) {
                throw new ExportRefusedException(file + " already exists; use --force to replace it");
            }
            return exporter.export(classes, samples, datasetRoot, file);
        }
        refuseInsideProject(out);
        if (Files.isDirectory(projectDir) && Files.exists(out) && realPath(projectDir).startsWith(realPath(out))) {
            throw new ExportRefusedException(out + " contains the project folder " + projectDir + "; export somewhere else");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ExportRefusedException(out + " is a file, not a folder");
        }
        if (Files.isDirectory(out) && !isEmpty(out)) {
            if (!force) throw new ExportRefusedException(out + " is a folder that is not empty; use --force to write into it");
            return exporter.export(classes, samples, datasetRoot, out);
        }
        return exportThroughStagingFolder(exporter, classes, samples, datasetRoot, out);
    }

    private ExportResult exportThroughStagingFolder(DatasetExporter exporter, List<ClassInfo> classes, List<LabeledSample> samples,
                                                    Path datasetRoot, Path out) throws IOException {
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
        try {
            ExportResult staged = exporter.export(classes, samples, datasetRoot, staging);
            if (Files.isDirectory(target)) Files.delete(target); // empty (checked above): rename cannot replace a folder everywhere
            AtomicFiles.moveIntoPlace(staging, target);
            List<Path> files = new ArrayList<>();
            for (Path f : staged.files()) files.add(out.resolve(staging.relativize(f.toAbsolutePath())));
            return new ExportResult(files, staged.skipped());
        } finally {
            deleteTree(staging);
        }
    }

    private void refuseInsideProject(Path target) throws IOException {
        if (!Files.isDirectory(projectDir)) return;
        if (realPath(target).startsWith(realPath(projectDir))) {
            throw new ExportRefusedException(target + " is inside the project folder " + projectDir + "; export somewhere else");
        }
    }

    /** The real path of {@code p}, or of its nearest existing ancestor with the rest appended (links resolved). */
    static Path realPath(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        return existing.toRealPath().resolve(existing.relativize(abs));
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
