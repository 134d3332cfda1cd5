package org.alor.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetImportsTest {
    @TempDir
    Path root;

    @Test
    void detectsTheFormatAndRunsTheMatchingImporter() throws Exception {
        TestImages.png(root.resolve("owl/a.png"), 4, 4, 1);
        DatasetImport r = DatasetImports.run(ImportRequest.of(root));
        assertThat(r.format()).isEqualTo(DatasetFormat.IMAGE_FOLDER);
        assertThat(r.samples()).hasSize(1);
    }

    @Test
    void aCsvFileAsRootUsesItsFolder() throws Exception {
        TestImages.png(root.resolve("i/a.png"), 4, 4, 1);
        Path csv = TestImages.text(root.resolve("l.csv"), "i/a.png,owl,test\n");
        DatasetImport r = DatasetImports.run(ImportRequest.of(csv));
        assertThat(r.format()).isEqualTo(DatasetFormat.CSV);
        assertThat(r.root()).isEqualTo(root.toAbsolutePath());
        assertThat(r.samples()).extracting(SampleRecord::split).containsExactly(Split.TEST);
    }

    @Test
    void explicitFormatWins() throws Exception {
        TestImages.png(root.resolve("owl/a.png"), 4, 4, 1);
        TestImages.text(root.resolve("classes.txt"), "owl\n");
        assertThat(DatasetImports.run(ImportRequest.of(root)).format()).isEqualTo(DatasetFormat.CLASS_LIST);
        DatasetImport r = DatasetImports.run(ImportRequest.of(root).withFormat(DatasetFormat.IMAGE_FOLDER));
        assertThat(r.samples()).extracting(SampleRecord::trueLabel).containsExactly(0);
        assertThat(r.problems()).extracting(ImportProblem::file).containsExactly("classes.txt");
    }
}
