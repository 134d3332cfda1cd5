package org.alor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImporterTest {
    @TempDir
    Path root;

    private void images(String... paths) throws Exception {
        long seed = 10;
        for (String p : paths) TestImages.png(root.resolve(p), 9, 7, seed++);
    }

    @Test
    void headerNamesColumnsLabelsAreClassNamesAndEmptyLabelIsUnlabeled() throws Exception {
        images("i/a.png", "i/b, c.png", "i/d.png", "i/e.png");
        TestImages.text(root.resolve("data.csv"), "split,filename,class\nval,i/a.png,owl\ntest,\"i/b, c.png\",crow\n,i/d.png,\npool,i/e.png,owl\n");

        DatasetImport r = new CsvImporter().importFrom(root);

        assertThat(r.problems()).isEmpty();
        assertThat(r.classes()).extracting(ClassInfo::name).containsExactly("crow", "owl");
        assertThat(r.samples()).extracting(SampleRecord::path, SampleRecord::split, SampleRecord::trueLabel).containsExactly(
                tuple("i/a.png", Split.VAL, 1), tuple("i/b, c.png", Split.TEST, 0),
                tuple("i/d.png", Split.POOL, null), tuple("i/e.png", Split.POOL, 1));
        assertThat(r.hasSplitAssignments()).isTrue();
    }

    @Test
    void withoutHeaderColumnsArePathLabelSplitAndIntegerLabelsAreIds() throws Exception {
        images("a.png", "b.png");
        TestImages.text(root.resolve("labels.csv"), "a.png,2\nb.png,0,test\n");
        DatasetImport r = new CsvImporter().importFrom(root);
        assertThat(r.classes()).extracting(ClassInfo::name).containsExactly("class_0", "class_1", "class_2");
        assertThat(r.samples()).extracting(SampleRecord::trueLabel).containsExactly(2, 0);
        assertThat(r.problems()).singleElement().extracting(ImportProblem::reason).asString().contains("no class list");
    }

    @Test
    void withClassListLabelsAreNamesOrIdsAndUnknownClassesAreReported() throws Exception {
        images("a.png", "b.png", "c.png");
        TestImages.text(root.resolve("classes.txt"), "# birds\nTachycineta bicolor|Tree Swallow\n\nCorvus corax\n");
        TestImages.text(root.resolve("set.csv"), "path,label\na.png,Corvus corax\nb.png,0\nc.png,Pica pica\n");
        DatasetImport r = new CsvImporter().importFrom(root);
        assertThat(r.samples()).extracting(SampleRecord::path, SampleRecord::trueLabel).containsExactly(tuple("a.png", 1), tuple("b.png", 0));
        assertThat(r.problems()).extracting(ImportProblem::toString).containsExactly("set.csv: line 4: unknown class 'Pica pica'");
    }

    @Test
    void badLinesAreReportedWithLineNumbersAndTheRestImported() throws Exception {
        images("a.png", "b.png", "c.png", "d.png");
        TestImages.empty(root.resolve("empty.png"));
        TestImages.text(root.resolve("x.csv"), String.join("\n",
                "path,label,split",
                "a.png,cat,pool",          // 2 ok
                "b.png,dog,holdout",       // 3 unknown split
                "a.png,dog",               // 4 duplicate
                "missing.png,cat",         // 5 missing
                "c.png,,val",              // 6 val without label
                "empty.png,cat",           // 7 empty image
                "d.png,dog,test",          // 8 ok
                ""));
        DatasetImport r = new CsvImporter().importFrom(root);
        assertThat(r.samples()).extracting(SampleRecord::path).containsExactly("a.png", "d.png");
        assertThat(r.problems()).extracting(ImportProblem::toString).containsExactlyInAnyOrder(
                "x.csv: line 3: unknown split 'holdout' (expected pool, val, test or retrieved)",
                "x.csv: line 4: duplicate path 'a.png' (already on line 2)",
                "x.csv: line 5: image 'missing.png' not found",
                "x.csv: line 6: val images need a label",
                "empty.png: empty file");
    }

    @Test
    void tooManyFieldsWithoutHeaderIsABadLine() throws Exception {
        images("a.png");
        TestImages.text(root.resolve("x.csv"), "a.png,cat,pool,extra\n");
        DatasetImport r = new CsvImporter().importFrom(root);
        assertThat(r.samples()).isEmpty();
        assertThat(r.problems()).extracting(ImportProblem::toString)
                .containsExactly("x.csv: line 1: expected path,label[,split] but found 4 fields");
    }

    @Test
    void severalCsvFilesNeedAnExplicitChoice() throws Exception {
        images("a.png");
        TestImages.text(root.resolve("one.csv"), "a.png,x\n");
        Path two = TestImages.text(root.resolve("two.csv"), "a.png,y\n");
        assertThatThrownBy(() -> new CsvImporter().importFrom(root)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("several CSV files");
        DatasetImport r = new CsvImporter(two, null, new ImageInspector()).importFrom(root);
        assertThat(r.classes()).extracting(ClassInfo::name).containsExactly("y");
    }
}
