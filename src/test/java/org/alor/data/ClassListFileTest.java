package org.alor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassListFileTest {
    @TempDir
    Path dir;

    @Test
    void readsNamesSynonymsCommentsAndBlankLines() throws Exception {
        Path f = TestImages.text(dir.resolve("classes.txt"), "\uFEFF# my birds\n\nTachycineta bicolor | Tree Swallow|swallow\r\nCorvus corax\n  # indented comment\n");
        List<ClassInfo> classes = ClassListFile.read(f);
        assertThat(classes).extracting(ClassInfo::id, ClassInfo::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "Tachycineta bicolor"), org.assertj.core.groups.Tuple.tuple(1, "Corvus corax"));
        assertThat(classes.get(0).synonyms().keySet()).containsExactly("Tachycineta bicolor", "Tree Swallow", "swallow");
        assertThat(classes.get(0).mostCommonName()).isEqualTo("Tachycineta bicolor");
        assertThat(classes.get(1).synonyms()).containsOnlyKeys("Corvus corax");
    }

    @Test
    void duplicateNameIsFatalWithLineNumber() throws Exception {
        Path f = TestImages.text(dir.resolve("classes.txt"), "a\n# c\nb\na|alpha\n");
        assertThatThrownBy(() -> ClassListFile.read(f)).isInstanceOfSatisfying(DatasetFormatException.class, e -> {
            assertThat(e.file()).isEqualTo(f);
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.getMessage()).isEqualTo(f + ":4: duplicate class name 'a' (first on line 1)");
        });
    }

    @Test
    void emptyNameAndEmptySynonymAreFatal() throws Exception {
        Path f = TestImages.text(dir.resolve("c.txt"), "a\n|Tree Swallow\n");
        assertThatThrownBy(() -> ClassListFile.read(f)).isInstanceOf(DatasetFormatException.class).hasMessage(f + ":2: empty class name");
        Path g = TestImages.text(dir.resolve("d.txt"), "a||b\n");
        assertThatThrownBy(() -> ClassListFile.read(g)).isInstanceOf(DatasetFormatException.class).hasMessageContaining(":1: empty synonym");
    }

    @Test
    void badEncodingIsFatalWithLineNumber() throws Exception {
        Path f = dir.resolve("latin1.txt");
        Files.write(f, new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> ClassListFile.read(f)).isInstanceOfSatisfying(DatasetFormatException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.getMessage()).contains("not valid UTF-8");
        });
    }

    @Test
    void fileWithoutClassesIsFatal() throws Exception {
        Path f = TestImages.text(dir.resolve("c.txt"), "# nothing\n\n");
        assertThatThrownBy(() -> ClassListFile.read(f)).isInstanceOf(DatasetFormatException.class).hasMessageContaining("no classes");
    }
}
