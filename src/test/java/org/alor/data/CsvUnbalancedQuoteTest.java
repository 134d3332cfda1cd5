package org.alor.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18 item 11: an unbalanced quote must not swallow the valid lines after it; the CSV is refused at file:line. */
class CsvUnbalancedQuoteTest {
    @TempDir
    Path root;

    private void images(String... paths) throws Exception {
        long seed = 1;
        for (String p : paths) TestImages.png(root.resolve(p), 5, 5, seed++);
    }

    @Test
    void quoteClosedLinesLaterIsRefusedAtTheLineThatOpensIt() throws Exception {
        images("a.png", "b.png", "c.png", "d, e.png");
        Path csv = TestImages.text(root.resolve("x.csv"),
                "path,label\n\"a.png,owl\nb.png,owl\nc.png,owl\n\"d, e.png\",crow\n");
        assertThatThrownBy(() -> new CsvImporter().importFrom(root)).isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith(csv + ":2: ").hasMessageContaining("quote").hasMessageContaining("line 5");
    }

    @Test
    void quoteClosedBeforeACommaLinesLaterIsRefused() throws Exception {
        images("a.png", "b.png", "c.png");
        Path csv = TestImages.text(root.resolve("x.csv"), "a.png,\"owl\nb.png,owl\nc.png,\",crow\n");
        assertThatThrownBy(() -> new CsvImporter().importFrom(root)).isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith(csv + ":1: ").hasMessageContaining("quote").hasMessageContaining("line 3");
    }

    @Test
    void quoteNeverClosedIsRefused() throws Exception {
        images("a.png", "b.png");
        Path csv = TestImages.text(root.resolve("x.csv"), "path,label\na.png,owl\n\"b.png,owl\n");
        assertThatThrownBy(() -> new CsvImporter().importFrom(root)).isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith(csv + ":3: ").hasMessageContaining("unterminated quoted field");
    }
}
