package org.alor.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code path,label,split} with a header, one row per sample sorted by path, label = class name (empty when
 * unlabeled), RFC 4180 quoting. Paths stay relative to the dataset root: save the CSV in the dataset root to
 * import it again. {@code out} is the CSV file, written through a temporary file and an atomic rename.
 */
public final class CsvExporter implements DatasetExporter {
    @Override
    public String name() {
        return "csv";
    }

    @Override
    public ExportResult export(List<ClassInfo> classes, List<LabeledSample> samples, Path datasetRoot, Path out) throws IOException {
        Map<Integer, String> names = new HashMap<>();
        for (ClassInfo c : classes) names.put(c.id(), c.name());
        List<ImportProblem> skipped = new ArrayList<>();
        List<LabeledSample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparing(LabeledSample::path));
        AtomicFiles.write(out, w -> {
            w.write("path,label,split\n");
            for (LabeledSample s : sorted) {
                String label = "";
                if (s.label() != null) {
                    label = names.get(s.label());
                    if (label == null) {
                        skipped.add(new ImportProblem(s.path(), "unknown class id " + s.label()));
                        continue;
                    }
                }
                w.write(CsvReader.quote(s.path()) + "," + CsvReader.quote(label) + "," + s.split().key() + "\n");
            }
        });
        return new ExportResult(List.of(out), skipped);
    }
}
