package org.alor.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18 item 9: a symlink inside the dataset that leads outside its root is refused, naming the link. */
class SymlinkImportTest {
    @TempDir
    Path tmp;

    @Test
    void fileLinkLeadingOutsideTheRootIsRefused() throws Exception {
        Path root = tmp.resolve("dataset");
        TestImages.png(root.resolve("owl/a.png"), 5, 5, 1);
        Path secret = TestImages.png(tmp.resolve("outside/secret.png"), 5, 5, 2);
        Files.createSymbolicLink(root.resolve("owl/b.png"), secret);

        DatasetImport r = new ImageFolderImporter(new ImageInspector(1, null)).importFrom(root);

        assertThat(r.samples()).extracting(SampleRecord::path).containsExactly("owl/a.png");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("owl/b.png");
            assertThat(p.reason()).contains("symbolic link").contains("outside the dataset root").contains(secret.toRealPath().toString());
        });
    }

    @Test
    void linkedClassFolderOutsideTheRootIsRefused() throws Exception {
        Path root = tmp.resolve("dataset");
        TestImages.png(root.resolve("owl/a.png"), 5, 5, 1);
        TestImages.png(tmp.resolve("elsewhere/c.png"), 5, 5, 3);
        Files.createSymbolicLink(root.resolve("crow"), tmp.resolve("elsewhere"));

        DatasetImport r = new ImageFolderImporter(new ImageInspector(1, null)).importFrom(root);

        assertThat(r.samples()).extracting(SampleRecord::path).containsExactly("owl/a.png");
        assertThat(r.problems()).extracting(ImportProblem::toString).anyMatch(s -> s.startsWith("crow") && s.contains("outside the dataset root"));
    }

    @Test
    void csvPathThroughALinkedFolderIsRefused() throws Exception {
        Path root = tmp.resolve("dataset");
        TestImages.png(root.resolve("i/a.png"), 5, 5, 1);
        TestImages.png(tmp.resolve("elsewhere/c.png"), 5, 5, 3);
        Files.createSymbolicLink(root.resolve("j"), tmp.resolve("elsewhere"));
        TestImages.text(root.resolve("data.csv"), "filename,class\ni/a.png,owl\nj/c.png,owl\n");

        DatasetImport r = new CsvImporter().importFrom(root);

        assertThat(r.samples()).extracting(SampleRecord::path).containsExactly("i/a.png");
        assertThat(r.problems()).extracting(ImportProblem::toString).anyMatch(s -> s.contains("j/c.png") && s.contains("outside the dataset root"));
    }

    @Test
    void linkStayingInsideTheRootIsKept() throws Exception {
        Path root = tmp.resolve("dataset");
        Path a = TestImages.png(root.resolve("owl/a.png"), 5, 5, 1);
        Files.createSymbolicLink(root.resolve("owl/b.png"), a);

        DatasetImport r = new ImageFolderImporter(new ImageInspector(1, null)).importFrom(root);

        assertThat(r.samples()).extracting(SampleRecord::path).containsExactly("owl/a.png", "owl/b.png");
    }
}
