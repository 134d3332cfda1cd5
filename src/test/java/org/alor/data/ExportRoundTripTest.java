package org.alor.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportRoundTripTest {
    @TempDir
    Path root;
    @TempDir
    Path out;

    private static List<LabeledSample> labeled(DatasetImport imp) {
        return imp.samples().stream().map(s -> new LabeledSample(s.path(), s.split(), s.trueLabel())).toList();
    }

    /** Relative path → file bytes' SHA-256 for every file below {@code dir}. */
    private static Map<String, String> tree(Path dir) throws Exception {
        Map<String, String> t = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                t.put(dir.relativize(p).toString().replace('\\', '/'), ImageInspector.sha256(Files.readAllBytes(p)));
            }
        }
        return t;
    }

    private static List<String> sortedLines(Path file) throws Exception {
        return Files.readAllLines(file).stream().sorted().toList();
    }

    @Test
    void splitFilesImportThenExportGivesTheSameLines() throws Exception {
        long seed = 1;
        for (String p : List.of("imgs/a.jpg", "imgs/b c.jpg", "imgs/d.jpg", "imgs/e.jpg", "imgs/f.jpg")) {
            TestImages.jpg(root.resolve(p), 8, 8, seed++);
        }
        TestImages.text(root.resolve("metrics.json"), SplitFilesImporterTest.METRICS);
        String pool = "imgs/b c.jpg 1 1\nimgs/a.jpg 0 1\n";
        String val = "imgs/d.jpg 0 1\n";
        String test = "imgs/e.jpg 1 1\nimgs/f.jpg 0 1\n";
        TestImages.text(root.resolve("pool.txt"), pool);
        TestImages.text(root.resolve("val.txt"), val);
        TestImages.text(root.resolve("test.txt"), test);

        DatasetImport imp = new SplitFilesImporter().importFrom(root);
        assertThat(imp.problems()).isEmpty();
        ExportResult r = new SplitFilesExporter().export(imp.classes(), labeled(imp), root, out);

        assertThat(r.skipped()).isEmpty();
        assertThat(sortedLines(out.resolve("pool.txt"))).isEqualTo(sortedLines(root.resolve("pool.txt")));
        assertThat(Files.readString(out.resolve("val.txt"))).isEqualTo(val);
        assertThat(Files.readString(out.resolve("test.txt"))).isEqualTo(test);
        assertThat(Files.exists(out.resolve("retrieved.txt"))).isFalse();
        assertThat(ClassMetadataJson.read(out.resolve(ClassMetadataJson.EXPORT_FILE_NAME))).isEqualTo(imp.classes());

        // the exported files import again to the same dataset
        SplitFileSet again = SplitFileSet.locate(out);
        DatasetImport back = new SplitFilesImporter(again, out.resolve(ClassMetadataJson.EXPORT_FILE_NAME), new ImageInspector()).importFrom(root);
        assertThat(back.samples()).isEqualTo(imp.samples());
        assertThat(back.classes()).isEqualTo(imp.classes());
    }

    @Test
    void unlabeledPoolImagesRoundTripAsMinusOneAndReferenceNamesAreAvailable() throws Exception {
        TestImages.png(root.resolve("u.png"), 4, 4, 1);
        TestImages.png(root.resolve("v.png"), 4, 4, 2);
        List<ClassInfo> classes = List.of(ClassInfo.named(0, "a"));
        List<LabeledSample> samples = List.of(new LabeledSample("u.png", Split.POOL, null), new LabeledSample("v.png", Split.VAL, 0),
                new LabeledSample("w.png", Split.TEST, null));
        ExportResult r = new SplitFilesExporter(SplitFilesExporter.REFERENCE_NAMES, "0", null).export(classes, samples, root, out);
        assertThat(Files.readString(out.resolve("ltrain.txt"))).isEqualTo("u.png -1 0\n");
        assertThat(Files.readString(out.resolve("val.txt"))).isEqualTo("v.png 0 0\n");
        assertThat(r.skipped()).extracting(ImportProblem::toString).containsExactly("w.png: test image without a label");
        DatasetImport back = new SplitFilesImporter(SplitFileSet.locate(out), out.resolve(ClassMetadataJson.EXPORT_FILE_NAME), new ImageInspector())
                .importFrom(root);
        assertThat(back.samples()).extracting(SampleRecord::trueLabel).containsExactly(null, 0);
    }

    @Test
    void imageFolderImportThenExportReproducesTheLayout() throws Exception {
        long seed = 1;
        for (String c : List.of("ant", "bee", "cat")) {
            for (int i = 0; i < 3; i++) TestImages.jpg(root.resolve(c + "/" + c + i + ".jpg"), 6, 5, seed++);
        }
        TestImages.png(root.resolve("bee/x.png"), 4, 4, seed++);
        DatasetImport imp = new ImageFolderImporter().importFrom(root);

        ExportResult r = new ImageFolderExporter().export(imp.classes(), labeled(imp), root, out);

        assertThat(r.skipped()).isEmpty();
        assertThat(r.files()).hasSize(10);
        assertThat(tree(out)).isEqualTo(tree(root));
        DatasetImport back = new ImageFolderImporter().importFrom(out);
        assertThat(back.classes()).isEqualTo(imp.classes());
        assertThat(back.samples()).isEqualTo(imp.samples());
    }

    @Test
    void imageFolderExportAvoidsNameClashesSkipsUnlabeledAndCreatesEmptyClassFolders() throws Exception {
        TestImages.png(root.resolve("x/a.png"), 4, 4, 1);
        TestImages.png(root.resolve("y/a.png"), 4, 4, 2);
        TestImages.png(root.resolve("y/A.PNG"), 4, 4, 3);
        TestImages.png(root.resolve("z.png"), 4, 4, 4);
        List<ClassInfo> classes = List.of(ClassInfo.named(0, "Corvus corax"), ClassInfo.named(1, "AC/DC: a?b"), ClassInfo.named(2, "empty"));
        List<LabeledSample> samples = List.of(new LabeledSample("x/a.png", Split.POOL, 0), new LabeledSample("y/a.png", Split.VAL, 0),
                new LabeledSample("y/A.PNG", Split.TEST, 0), new LabeledSample("z.png", Split.POOL, null),
                new LabeledSample("gone.png", Split.POOL, 1));

        ExportResult r = new ImageFolderExporter().export(classes, samples, root, out);

        // samples are copied in path order ("y/A.PNG" sorts before "y/a.png"); clashes compare case-insensitively
        assertThat(tree(out).keySet()).containsExactlyInAnyOrder("Corvus corax/a.png", "Corvus corax/A_1.PNG", "Corvus corax/a_2.png");
        assertThat(Files.isDirectory(out.resolve("AC_DC_ a_b"))).isTrue();
        assertThat(Files.isDirectory(out.resolve("empty"))).isTrue();
        assertThat(r.skipped()).extracting(ImportProblem::toString)
                .containsExactly("gone.png: source image not found", "z.png: unlabeled, not exported");
    }

    @Test
    void csvExportImportsBackToTheSameSamples() throws Exception {
        TestImages.png(root.resolve("p/a, \"quoted\".png"), 4, 4, 1);
        TestImages.png(root.resolve("p/b.png"), 4, 4, 2);
        TestImages.png(root.resolve("p/c.png"), 4, 4, 3);
        List<ClassInfo> classes = List.of(ClassInfo.named(0, "crow, common"), ClassInfo.named(1, "owl"));
        List<LabeledSample> samples = List.of(new LabeledSample("p/c.png", Split.POOL, null),
                new LabeledSample("p/a, \"quoted\".png", Split.TEST, 0), new LabeledSample("p/b.png", Split.VAL, 1));
        Path csv = root.resolve("export.csv");

        new CsvExporter().export(classes, samples, root, csv);

        assertThat(Files.readString(csv)).isEqualTo(
                "path,label,split\n\"p/a, \"\"quoted\"\".png\",\"crow, common\",test\np/b.png,owl,val\np/c.png,,pool\n");
        DatasetImport back = new CsvImporter().importFrom(root);
        assertThat(back.problems()).isEmpty();
        assertThat(back.classes()).isEqualTo(classes);
        List<LabeledSample> again = new ArrayList<>(labeled(back));
        assertThat(again).containsExactlyInAnyOrderElementsOf(samples);
    }
}
