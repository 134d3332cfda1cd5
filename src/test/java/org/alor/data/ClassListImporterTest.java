package org.alor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassListImporterTest {
    @TempDir
    Path root;

    @Test
    void importsEveryImageUnlabeledInThePool() throws Exception {
        TestImages.png(root.resolve("b.png"), 5, 6, 1);
        TestImages.jpg(root.resolve("sub/a.jpg"), 8, 8, 2);
        TestImages.text(root.resolve("notes.md"), "x");
        TestImages.text(root.resolve("classes.txt"), "Tachycineta bicolor|Tree Swallow\nCorvus corax\n");

        DatasetImport r = new ClassListImporter().importFrom(root);

        assertThat(r.format()).isEqualTo(DatasetFormat.CLASS_LIST);
        assertThat(r.classes()).extracting(ClassInfo::name).containsExactly("Tachycineta bicolor", "Corvus corax");
        assertThat(r.samples()).extracting(SampleRecord::path).containsExactly("b.png", "sub/a.jpg");
        assertThat(r.samples()).allMatch(s -> s.split() == Split.POOL && s.trueLabel() == null);
        assertThat(r.problems()).extracting(ImportProblem::toString).containsExactly("notes.md: not an image file, ignored");
    }

    @Test
    void malformedClassFileIsFatalAndNamesFileAndLine() throws Exception {
        TestImages.png(root.resolve("b.png"), 5, 6, 1);
        Path classes = TestImages.text(root.resolve("classes.txt"), "a\nb\n\nb\n");
        assertThatThrownBy(() -> new ClassListImporter().importFrom(root))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith(classes + ":4: duplicate class name 'b'");
    }

    @Test
    void explicitClassFileOutsideTheFolder(@TempDir Path other) throws Exception {
        TestImages.png(root.resolve("b.png"), 5, 6, 1);
        Path names = TestImages.text(other.resolve("names.txt"), "x\n");
        DatasetImport r = new ClassListImporter(names, new ImageInspector()).importFrom(root);
        assertThat(r.classes()).hasSize(1);
        assertThat(r.samples()).hasSize(1);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void missingClassListIsAnError() throws Exception {
        TestImages.png(root.resolve("b.png"), 5, 6, 1);
        assertThatThrownBy(() -> new ClassListImporter().importFrom(root)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("no class list");
    }
}
