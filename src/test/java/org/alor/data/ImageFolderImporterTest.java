package org.alor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderImporterTest {
    @TempDir
    Path root;

    /** The acceptance scenario: 3 classes × 4 images plus one corrupt JPEG and one empty file. */
    @Test
    void importsTwelveImagesAndReportsTheCorruptAndEmptyFile() throws Exception {
        String[] classes = {"cat", "ant", "bee"};
        int seed = 0;
        for (String c : classes) {
            for (int i = 0; i < 4; i++) TestImages.jpg(root.resolve(c).resolve("img" + i + ".jpg"), 20 + i, 10 + seed, seed++);
        }
        TestImages.truncatedJpg(root.resolve("bee/broken.jpg"), 99);
        TestImages.empty(root.resolve("cat/empty.png"));

        DatasetImport result = new ImageFolderImporter(new ImageInspector(2, null)).importFrom(root);

        assertThat(result.format()).isEqualTo(DatasetFormat.IMAGE_FOLDER);
        assertThat(result.classes()).extracting(ClassInfo::id, ClassInfo::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "ant"), org.assertj.core.groups.Tuple.tuple(1, "bee"),
                        org.assertj.core.groups.Tuple.tuple(2, "cat"));
        assertThat(result.samples()).hasSize(12);
        assertThat(result.samples()).extracting(SampleRecord::path).isSorted().doesNotContain("bee/broken.jpg", "cat/empty.png");
        assertThat(result.samples()).allMatch(s -> s.split() == Split.POOL);
        assertThat(result.samples()).allMatch(s -> s.trueLabel() == List.of("ant", "bee", "cat").indexOf(s.path().split("/")[0]));
        SampleRecord first = result.samples().get(0);
        assertThat(first.path()).isEqualTo("ant/img0.jpg");
        assertThat(first.width()).isEqualTo(20);
        assertThat(first.height()).isEqualTo(14);
        assertThat(result.problems()).hasSize(2);
        assertThat(result.problems()).extracting(ImportProblem::file).containsExactlyInAnyOrder("bee/broken.jpg", "cat/empty.png");
        assertThat(result.problems()).filteredOn(p -> p.file().equals("cat/empty.png")).first()
                .extracting(ImportProblem::reason).isEqualTo("empty file");
        assertThat(result.hasSplitAssignments()).isFalse();
    }

    @Test
    void reportsNonImagesAndRootFilesIgnoresHiddenAndReadsNestedFolders() throws Exception {
        TestImages.png(root.resolve("dog/a.png"), 4, 4, 1);
        TestImages.png(root.resolve("dog/sub/b.png"), 4, 4, 2);
        TestImages.text(root.resolve("dog/notes.txt"), "hello");
        TestImages.text(root.resolve("dog/.DS_Store"), "x");
        TestImages.text(root.resolve("README.md"), "readme");
        TestImages.png(root.resolve(".thumbs/c.png"), 4, 4, 3);
        TestImages.text(root.resolve("empty/x.txt"), "no images");

        DatasetImport result = new ImageFolderImporter().importFrom(root);

        assertThat(result.classes()).extracting(ClassInfo::name).containsExactly("dog", "empty");
        assertThat(result.samples()).extracting(SampleRecord::path).containsExactly("dog/a.png", "dog/sub/b.png");
        assertThat(result.problems()).extracting(ImportProblem::file)
                .containsExactlyInAnyOrder("README.md", "dog/notes.txt", "empty/x.txt", "empty");
    }

    @Test
    void folderWithoutClassFoldersIsAnError() throws Exception {
        TestImages.png(root.resolve("a.png"), 4, 4, 1);
        assertThatThrownBy(() -> new ImageFolderImporter().importFrom(root))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining("no class folders");
    }

    @Test
    void outputIsIdenticalWhateverTheThreadCount() throws Exception {
        for (int i = 0; i < 25; i++) TestImages.png(root.resolve("c" + (i % 3) + "/i" + i + ".png"), 3 + i, 2, i);
        DatasetImport one = new ImageFolderImporter(new ImageInspector(1, null)).importFrom(root);
        DatasetImport four = new ImageFolderImporter(new ImageInspector(4, null)).importFrom(root);
        assertThat(four.samples()).isEqualTo(one.samples()).hasSize(25);
    }

    @Test
    void decompressionBombIsReportedLikeABrokenImage() throws Exception {
        TestImages.png(root.resolve("dog/a.png"), 4, 4, 1);
        org.alor.job.BombImages.png(root.resolve("dog/bomb.png"), 46000, 46000);

        DatasetImport result = new ImageFolderImporter(new ImageInspector(1, null)).importFrom(root);

        assertThat(result.samples()).extracting(SampleRecord::path).containsExactly("dog/a.png");
        assertThat(result.problems()).extracting(ImportProblem::toString)
                .containsExactly("dog/bomb.png: 46000x46000 pixels is more than the limit of 100 megapixels");
    }
}
