package org.alor.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An unlabeled image folder (searched recursively, hidden files skipped) plus a class definition: by default
 * {@code <root>/classes.txt} (or a metrics JSON / {@code classes.json} in the root, see {@link ClassFiles#find}).
 * Every image goes to the pool without a label. A malformed class file is fatal ({@link DatasetFormatException}
 * naming the file and line); non-image files are reported.
 */
public final class ClassListImporter implements DatasetImporter {
    private final Path explicitClassFile;
    private final ImageInspector inspector;

    /** @param classFile the class list or metadata JSON, or null to look for one in the root */
    public ClassListImporter(Path classFile, ImageInspector inspector) {
        this.explicitClassFile = classFile;
        this.inspector = inspector;
    }

    public ClassListImporter() {
        this(null, new ImageInspector());
    }

    @Override
    public DatasetFormat format() {
        return DatasetFormat.CLASS_LIST;
    }

    @Override
    public DatasetImport importFrom(Path root) throws IOException, DatasetFormatException {
        if (!Files.isDirectory(root)) throw new DatasetFormatException(root, "not a folder");
        Path classFile = explicitClassFile != null ? explicitClassFile : ClassFiles.find(List.of(root));
        if (classFile == null) {
            throw new DatasetFormatException(root, "no class list found (expected " + ClassFiles.CLASS_LIST_NAME + " in the folder)");
        }
        List<ClassInfo> classes = ClassFiles.read(classFile);
        List<ImportProblem> problems = new ArrayList<>();
        List<SampleAssembler.Candidate> candidates = new ArrayList<>();
        Path classFileAbs = classFile.toAbsolutePath().normalize();
        for (Path f : DatasetPaths.listFiles(root)) {
            if (f.toAbsolutePath().normalize().equals(classFileAbs)) continue;
            if (ImageFolderImporter.reportUndecodable(root, f, problems)) continue;
            String rel = DatasetPaths.relative(root, f);
            if (ImageFiles.isImage(f)) candidates.add(new SampleAssembler.Candidate(rel, Split.POOL, null));
            else problems.add(new ImportProblem(rel, "not an image file, ignored"));
        }
        List<SampleRecord> samples = new SampleAssembler(inspector).assemble(root, candidates, problems);
        return new DatasetImport(root, format(), classes, samples, problems);
    }
}
