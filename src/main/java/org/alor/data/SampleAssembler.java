package org.alor.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns candidate image references into {@link SampleRecord}s by inspecting the files; shared by all importers. */
final class SampleAssembler {
    /** An image named by the dataset, not yet inspected. {@code path} is relative to the root with '/' separators. */
    record Candidate(String path, Split split, Integer trueLabel) {
    }

    private final ImageInspector inspector;

    SampleAssembler(ImageInspector inspector) {
        this.inspector = inspector;
    }

    /** Inspects the candidates; readable ones are added to {@code samples} sorted by path, others to {@code problems}. */
    List<SampleRecord> assemble(Path root, List<Candidate> candidates, List<ImportProblem> problems) throws IOException {
        Path realRoot = root.toRealPath();
        List<Candidate> sorted = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            String refused = DatasetPaths.linkOutsideRoot(realRoot, root.resolve(c.path()));
            if (refused == null) sorted.add(c);
            else problems.add(new ImportProblem(c.path(), refused));
        }
        sorted.sort(Comparator.comparing(Candidate::path));
        List<Path> files = sorted.stream().map(c -> root.resolve(c.path())).toList();
        List<ImageInspector.Inspection> results = inspector.inspectAll(files);
        List<SampleRecord> samples = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Candidate c = sorted.get(i);
            ImageInspector.Inspection r = results.get(i);
            if (r.ok()) {
                ImageInfo info = r.info();
                samples.add(new SampleRecord(c.path(), c.split(), c.trueLabel(), info.width(), info.height(), info.contentHash()));
            } else {
                problems.add(new ImportProblem(c.path(), r.problem()));
            }
        }
        return samples;
    }
}
