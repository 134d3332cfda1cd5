package org.alor.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18 item 1: an export that fails half-way leaves the old file whole and no temporary file. */
class AtomicExportTest {
    @TempDir
    Path tmp;

    @Test
    void csvExportFailingMidwayKeepsTheOldFile() throws Exception {
        Path csv = tmp.resolve("labels.csv");
        Files.writeString(csv, "old,content\n");
        List<ClassInfo> classes = List.of(ClassInfo.named(0, "owl"));
        // the second row has no split: the exporter fails after writing the header and the first row
        List<LabeledSample> samples = List.of(new LabeledSample("a.png", Split.POOL, 0), new LabeledSample("b.png", null, 0));

        assertThatThrownBy(() -> new CsvExporter().export(classes, samples, tmp, csv)).isInstanceOf(NullPointerException.class);

        assertThat(Files.readString(csv)).isEqualTo("old,content\n");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.toList()).containsExactly(csv);
        }
    }
}
