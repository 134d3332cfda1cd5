package org.alor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18 item 10: class names that would show as identical rows, or hide characters, are refused with file:line. */
class ClassNameCheckTest {
    private static final String NFC = "Caf\u00e9";
    private static final String NFD = "Cafe\u0301";

    @TempDir
    Path dir;

    private Path txt(String text) throws Exception {
        return Files.writeString(dir.resolve("classes.txt"), text);
    }

    @Test
    void namesEqualAfterNormalisationAreRefused() throws Exception {
        Path f = txt("owl\n" + NFC + "\n# comment\n" + NFD + "\n");
        assertThatThrownBy(() -> ClassListFile.read(f)).isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith(f + ":4: ").hasMessageContaining("class 1 (line 2)").hasMessageContaining("NFC");
    }

    @Test
    void nulAndBidiOverrideAndOtherControlsAreRefused() throws Exception {
        Path nul = txt("owl\ncr\u0000ow\n");
        assertThatThrownBy(() -> ClassListFile.read(nul)).hasMessageStartingWith(nul + ":2: ").hasMessageContaining("U+0000");
        Path bidi = txt("owl|\u202Ewol\n");
        assertThatThrownBy(() -> ClassListFile.read(bidi)).hasMessageStartingWith(bidi + ":1: ")
                .hasMessageContaining("synonym").hasMessageContaining("U+202E").hasMessageContaining("\\u202E");
        Path tab = txt("o\u0007wl\n");
        assertThatThrownBy(() -> ClassListFile.read(tab)).hasMessageContaining("U+0007");
    }

    @Test
    void synonymEqualToAnotherClassNameIsRefused() throws Exception {
        Path f = txt("owl|night bird\ncrow|owl\n");
        assertThatThrownBy(() -> ClassListFile.read(f)).hasMessageStartingWith(f + ":2: ")
                .hasMessageContaining("synonym 'owl' is the name of class 0 (line 1)");
    }

    @Test
    void jsonClassesAreCheckedWithTheLineOfTheirKey() throws Exception {
        Path f = Files.writeString(dir.resolve("classes.json"), "{\n  \"0\": {\"name\": \"" + NFC + "\"},\n  \"1\": {\n    \"name\": \""
                + NFD + "\"\n  }\n}\n");
        assertThatThrownBy(() -> ClassMetadataJson.read(f)).hasMessageStartingWith(f + ":3: ").hasMessageContaining("(line 2)");
        Path g = Files.writeString(dir.resolve("g.json"), "{\"0\": {\"name\": \"a\", \"alternates\": {\"a\u202E\": 1}}}");
        assertThatThrownBy(() -> ClassMetadataJson.read(g)).hasMessageContaining("U+202E");
    }

    @Test
    void folderNamesEqualAfterNormalisationAreRefused() throws Exception {
        Path root = dir.resolve("ds");
        TestImages.png(root.resolve(NFC).resolve("a.png"), 4, 4, 1);
        TestImages.png(root.resolve(NFD).resolve("b.png"), 4, 4, 2);
        if (Files.list(root).count() < 2) return; // a file system that normalises names (macOS) keeps one folder
        assertThatThrownBy(() -> new ImageFolderImporter(new ImageInspector(1, null)).importFrom(root))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining("NFC");
    }

    @Test
    void ordinaryListsAndTheSampleClassesPass() throws Exception {
        assertThat(ClassListFile.read(txt("owl|Owl|night bird\ncrow|Crow\n"))).hasSize(2);
        assertThat(ClassMetadataJson.read(Path.of("sample-data/synthetic-aves/classes.json"))).isNotEmpty();
    }

    @Test
    void csvLabelsEqualAfterNormalisationAreRefusedAtTheirLine() throws Exception {
        Path root = dir.resolve("ds");
        TestImages.png(root.resolve("a.png"), 4, 4, 1);
        TestImages.png(root.resolve("b.png"), 4, 4, 2);
        Path csv = TestImages.text(root.resolve("x.csv"), "path,label\na.png," + NFC + "\nb.png," + NFD + "\n");
        assertThatThrownBy(() -> new CsvImporter().importFrom(root)).isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith(csv + ":").hasMessageContaining("NFC");
    }
}
