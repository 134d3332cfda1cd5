package org.alor.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes the current labels of a dataset in one layout. */
public interface DatasetExporter {
    /** The format name used on the command line ("imagefolder", "csv", "splits"). */
    String name();

    /**
     * @param datasetRoot the root the samples' paths are relative to
     * @param out         the output folder (the CSV exporter: the output file)
     */
    ExportResult export(List<ClassInfo> classes, List<LabeledSample> samples, Path datasetRoot, Path out) throws IOException;
}
