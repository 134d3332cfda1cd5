package org.alor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitFilesImporterTest {
    @TempDir
    Path root;

    static final String METRICS = """
            {
              "0": {"name": "Tachycineta bicolor", "most_common_name": "tree swallow",
                    "alternates": {"tree swallow": 120, "Tachycineta bicolor": 7, "white-bellied swallow": 3},
                    "actual_freq": 125, "extra": [1, 2]},
              "1": {"name": "Corvus corax", "most_common_name": "common raven",
                    "alternates": {"common raven": 50}, "actual_freq": 50}
            }
            """;

    private void images(String... paths) throws Exception {
        long seed = 1;
        for (String p : paths) TestImages.jpg(root.resolve(p), 16, 12, seed++);
    }

    @Test
    void readsReferenceFilesWithMetadataJson() throws Exception {
        images("imgs/a.jpg", "imgs/b.jpg", "imgs/c.jpg", "imgs/d.jpg", "ret/r.jpg");
        TestImages.text(root.resolve("semi-aves_metrics-LAION400M.json"), METRICS);
        TestImages.text(root.resolve("ltrain.txt"), "imgs/b.jpg 1 1\nimgs/a.jpg 0 1\n");
        TestImages.text(root.resolve("val.txt"), "imgs/c.jpg 0 1\r\n");
        TestImages.text(root.resolve("test.txt"), "imgs/d.jpg 1 0");
        TestImages.text(root.resolve("retrieved_data.txt"), "ret/r.jpg 0 1\n\n");

        DatasetImport r = new SplitFilesImporter().importFrom(root);

        assertThat(r.problems()).isEmpty();
        assertThat(r.format()).isEqualTo(DatasetFormat.SPLIT_FILES);
        assertThat(r.classes()).hasSize(2);
        ClassInfo swallow = r.classes().get(0);
        assertThat(swallow.name()).isEqualTo("Tachycineta bicolor");
        assertThat(swallow.mostCommonName()).isEqualTo("tree swallow");
        assertThat(swallow.synonyms().keySet()).containsExactly("tree swallow", "Tachycineta bicolor", "white-bellied swallow");
        assertThat(swallow.synonyms()).containsEntry("tree swallow", 120);
        assertThat(r.samples()).extracting(SampleRecord::path, SampleRecord::split, SampleRecord::trueLabel).containsExactly(
                org.assertj.core.groups.Tuple.tuple("imgs/a.jpg", Split.POOL, 0),
                org.assertj.core.groups.Tuple.tuple("imgs/b.jpg", Split.POOL, 1),
                org.assertj.core.groups.Tuple.tuple("imgs/c.jpg", Split.VAL, 0),
                org.assertj.core.groups.Tuple.tuple("imgs/d.jpg", Split.TEST, 1),
                org.assertj.core.groups.Tuple.tuple("ret/r.jpg", Split.RETRIEVED, 0));
        assertThat(r.samples().get(0).width()).isEqualTo(16);
    }

    @Test
    void everyBadLineIsReportedWithFileAndLineAndTheRestImported() throws Exception {
        images("a.jpg", "b.jpg", "c.jpg", "my photo.jpg", "e.jpg");
        TestImages.truncatedJpg(root.resolve("broken.jpg"), 5);
        TestImages.text(root.resolve("classes.txt"), "alpha\nbeta\n");
        TestImages.text(root.resolve("splits/pool.txt"), String.join("\n",
                "a.jpg 0 1",            // 1 ok
                "b.jpg 7 1",            // 2 unknown class
                "a.jpg 1 1",            // 3 duplicate
                "missing.jpg 0 1",      // 4 missing file
                "justonefield",         // 5 bad line
                "c.jpg x 1",            // 6 bad class id
                "my photo.jpg 1 1",     // 7 path with a space
                "broken.jpg 0 1",       // 8 corrupt image
                "e.jpg -1 1",           // 9 unlabeled
                "../outside.jpg 0 1")); // 10 outside the root
        TestImages.text(root.resolve("splits/val.txt"), "c.jpg 0 1\nb.jpg 1 1\n");

        DatasetImport r = new SplitFilesImporter().importFrom(root);

        assertThat(r.classes()).extracting(ClassInfo::name).containsExactly("alpha", "beta");
        assertThat(r.samples()).extracting(SampleRecord::path).containsExactly("a.jpg", "b.jpg", "c.jpg", "e.jpg", "my photo.jpg");
        assertThat(r.samples()).filteredOn(s -> s.path().equals("b.jpg")).first().extracting(SampleRecord::split).isEqualTo(Split.VAL);
        assertThat(r.samples()).filteredOn(s -> s.path().equals("e.jpg")).first().extracting(SampleRecord::trueLabel).isNull();
        assertThat(r.problems()).extracting(ImportProblem::toString).containsExactlyInAnyOrder(
                "splits/pool.txt: line 2: unknown class id 7 (classes are 0..1)",
                "splits/pool.txt: line 3: duplicate path 'a.jpg' (already in splits/pool.txt line 1)",
                "splits/pool.txt: line 4: image 'missing.jpg' not found",
                "splits/pool.txt: line 5: expected 'path class_id flag', got 'justonefield'",
                "splits/pool.txt: line 6: class id 'x' is not an integer (expected 'path class_id flag')",
                "broken.jpg: corrupt image data: Truncated File - Missing EOI marker",
                "splits/pool.txt: line 10: path '../outside.jpg' is outside the dataset root " + root.toAbsolutePath().normalize());
    }

    @Test
    void explicitFilesOverrideTheSearch() throws Exception {
        images("x/a.jpg", "x/b.jpg");
        Path lists = root.resolve("lists");
        TestImages.text(lists.resolve("my-train.lst"), "x/a.jpg 0 1\n");
        TestImages.text(lists.resolve("my-test.lst"), "x/b.jpg 1 1\n");
        TestImages.text(lists.resolve("names.txt"), "one|uno\ntwo\n");
        SplitFileSet set = new SplitFileSet(Map.of(Split.POOL, lists.resolve("my-train.lst"), Split.TEST, lists.resolve("my-test.lst")));

        DatasetImport r = new SplitFilesImporter(set, lists.resolve("names.txt"), new ImageInspector()).importFrom(root);

        assertThat(r.problems()).isEmpty();
        assertThat(r.classes().get(0).synonyms().keySet()).containsExactly("one", "uno");
        assertThat(r.samples()).extracting(SampleRecord::split).containsExactly(Split.POOL, Split.TEST);
    }

    @Test
    void withoutClassFileClassesAreNamedByIdAndThatIsReported() throws Exception {
        images("a.jpg");
        TestImages.text(root.resolve("test.txt"), "a.jpg 2 1\n");
        DatasetImport r = new SplitFilesImporter().importFrom(root);
        assertThat(r.classes()).extracting(ClassInfo::name).containsExactly("class_0", "class_1", "class_2");
        assertThat(r.samples()).hasSize(1);
        assertThat(r.problems()).singleElement().extracting(ImportProblem::reason).asString().contains("no class metadata");
    }

    @Test
    void unlabeledValImageIsReported() throws Exception {
        images("a.jpg");
        TestImages.text(root.resolve("classes.txt"), "a\n");
        TestImages.text(root.resolve("val.txt"), "a.jpg -1 1\n");
        DatasetImport r = new SplitFilesImporter().importFrom(root);
        assertThat(r.samples()).isEmpty();
        assertThat(r.problems()).extracting(ImportProblem::toString).containsExactly("val.txt: line 1: val images need a class id");
    }

    @Test
    void malformedMetadataIsFatalAndNamesTheFile() throws Exception {
        TestImages.text(root.resolve("val.txt"), "a.jpg 0 1\n");
        Path json = TestImages.text(root.resolve("x_metrics-LAION400M.json"), "{\"0\": {\"name\": \"a\"}, \"2\": {\"name\": \"c\"}}");
        assertThatThrownBy(() -> new SplitFilesImporter().importFrom(root)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(json.toString()).hasMessageContaining("1 is missing");
        TestImages.text(json, "{\"0\": {\"name\": ");
        assertThatThrownBy(() -> new SplitFilesImporter().importFrom(root)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void noSplitFilesIsAnError() {
        assertThatThrownBy(() -> new SplitFilesImporter().importFrom(root)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("no split files");
    }

    @Test
    void splitLineParsing() {
        assertThat(SplitLine.parse("a/b c.jpg 3 1")).isEqualTo(new SplitLine("a/b c.jpg", 3, "1"));
        assertThat(SplitLine.parse("a.jpg 3")).isEqualTo(new SplitLine("a.jpg", 3, null));
        assertThat(List.of(SplitLine.format("a b.jpg", 4, "1"))).containsExactly("a b.jpg 4 1");
    }
}
