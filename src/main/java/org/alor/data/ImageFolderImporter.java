package org.alor.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code root/<class>/<image>}: class ids follow the sorted class-folder names (like torchvision's ImageFolder),
 * images in nested folders below a class folder belong to that class, every image is in the pool with its true label.
 * Files at the root and non-image files are reported; hidden files are ignored.
 */
public final class ImageFolderImporter implements DatasetImporter {
    private final ImageInspector inspector;
    private final Path speciesList;

    public ImageFolderImporter(ImageInspector inspector) {
        this(inspector, null);
    }

    /** @param speciesList a {@link TaxonomyCsv species list} naming the class folders, or null to name classes after them */
    public ImageFolderImporter(ImageInspector inspector, Path speciesList) {
        this.inspector = inspector;
        this.speciesList = speciesList;
    }

    public ImageFolderImporter() {
        this(new ImageInspector());
    }

    @Override
    public DatasetFormat format() {
        return DatasetFormat.IMAGE_FOLDER;
    }

    @Override
    public DatasetImport importFrom(Path root) throws IOException, DatasetFormatException {
        if (!Files.isDirectory(root)) throw new DatasetFormatException(root, "not a folder");
        List<Path> classDirs = classFolders(root);
        if (classDirs.isEmpty()) throw new DatasetFormatException(root, "no class folders (expected root/<class>/<image>)");
        List<TaxonomyCsv.Species> species = speciesList == null ? null : TaxonomyCsv.read(speciesList);
        List<String> folderNames = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        List<ClassInfo> classes = new ArrayList<>();
        List<SampleAssembler.Candidate> candidates = new ArrayList<>();
        Path listFile = speciesList == null ? null : speciesList.toAbsolutePath().normalize();
        for (Path f : rootFiles(root)) {
            if (f.toAbsolutePath().normalize().equals(listFile)) continue;
            problems.add(new ImportProblem(DatasetPaths.display(root, f), "file outside any class folder, ignored"));
        }
        Path realRoot = root.toRealPath();
        for (Path dir : classDirs) {
            String undecodable = DatasetPaths.undecodableName(root, dir);
            if (undecodable != null) {
                throw new DatasetFormatException(root, "class folder '" + undecodable + "' has a name that is not valid UTF-8"
                        + " (bytes shown %-escaped); rename it");
            }
            String refused = DatasetPaths.linkOutsideRoot(realRoot, dir);
            if (refused != null) {
                problems.add(new ImportProblem(DatasetPaths.relative(root, dir), refused));
                continue;
            }
            int id = classes.size();
            classes.add(ClassInfo.named(id, ClassDisplayName.fromFolder(dir.getFileName().toString())));
            folderNames.add(dir.getFileName().toString());
            int images = 0;
            for (Path f : DatasetPaths.listFiles(dir)) {
                if (reportUndecodable(root, f, problems)) continue;
                String rel = DatasetPaths.relative(root, f);
                if (ImageFiles.isImage(f)) {
                    candidates.add(new SampleAssembler.Candidate(rel, Split.POOL, id));
                    images++;
                } else {
                    problems.add(new ImportProblem(rel, "not an image file, ignored"));
                }
            }
            if (images == 0) {
                problems.add(new ImportProblem(DatasetPaths.relative(root, dir), "class folder has no images"));
            }
        }
        if (species != null) {
            TaxonomyMatch match = TaxonomyMatch.match(folderNames, species);
            classes = match.classes(speciesList);
            problems.addAll(match.warnings(speciesList));
        }
        ClassNameCheck.check(classes, root, i -> 0);
        List<SampleRecord> samples = new SampleAssembler(inspector).assemble(root, candidates, problems);
        return new DatasetImport(root, format(), classes, samples, problems);
    }

    /** Reports a file whose name is not UTF-8 (it could not be found again from the stored path); true when reported. */
    static boolean reportUndecodable(Path root, Path file, List<ImportProblem> problems) {
        String escaped = DatasetPaths.undecodableName(root, file);
        if (escaped == null) return false;
        problems.add(new ImportProblem(escaped, "name is not valid UTF-8 (bytes shown %-escaped), ignored; rename it"));
        return true;
    }

    /** Visible sub-folders of the root, sorted by name. */
    static List<Path> classFolders(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).filter(p -> !ImageFiles.isHidden(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
    }

    private static List<Path> rootFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isRegularFile).filter(p -> !ImageFiles.isHidden(p)).sorted().toList();
        }
    }
}
