package org.alor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18 item 12: a folder or file name that is not UTF-8 is refused naming it, its bytes escaped. */
class NonUtf8NameTest {
    @TempDir
    Path root;

    /** Renames {@code from} to a name holding the Latin-1 byte 0xE9 (Java cannot spell such a name itself). */
    private static Path renameToLatin1(Path from, String prefix, String suffix) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "mv \"$1\" \"$(dirname \"$1\")/$(printf '" + prefix + "\\351" + suffix + "')\"", "sh",
                from.toString()).inheritIO().start();
        assumeTrue(p.waitFor() == 0, "this file system refuses names that are not UTF-8");
        try (Stream<Path> s = Files.list(from.getParent())) {
            return s.filter(x -> x.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    @Test
    void classFolderWithANonUtf8NameIsRefused() throws Exception {
        TestImages.png(root.resolve("owl/a.png"), 4, 4, 1);
        TestImages.png(root.resolve("cafe/b.png"), 4, 4, 2);
        renameToLatin1(root.resolve("cafe"), "caf", "");

        assertThatThrownBy(() -> new ImageFolderImporter(new ImageInspector(1, null)).importFrom(root))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining("caf%E9").hasMessageContaining("UTF-8");
    }

    @Test
    void imageFileWithANonUtf8NameIsReportedAndTheRestImported() throws Exception {
        TestImages.png(root.resolve("owl/a.png"), 4, 4, 1);
        TestImages.png(root.resolve("owl/b"), 4, 4, 2);
        renameToLatin1(root.resolve("owl/b"), "b", ".png");

        DatasetImport r = new ImageFolderImporter(new ImageInspector(1, null)).importFrom(root);

        assertThat(r.samples()).extracting(SampleRecord::path).containsExactly("owl/a.png");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("owl/b%E9.png");
            assertThat(p.reason()).contains("not valid UTF-8");
        });
    }
}
