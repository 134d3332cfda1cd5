package org.alor.data;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param files   the files written
 * @param skipped samples that were not exported, each with the reason
 */
public record ExportResult(List<Path> files, List<ImportProblem> skipped) {
    public ExportResult {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }
}
