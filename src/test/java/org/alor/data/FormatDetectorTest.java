package org.alor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatDetectorTest {
    @TempDir
    Path root;

    @Test
    void splitFilesInRootOrSplitsFolder() throws Exception {
        TestImages.text(root.resolve("splits/test.txt"), "a.jpg 0 1\n");
        assertThat(FormatDetector.detect(root)).isEqualTo(DatasetFormat.SPLIT_FILES);
    }

    @Test
    void aTestTxtThatIsNotASplitFileDoesNotCount() throws Exception {
        TestImages.text(root.resolve("test.txt"), "some notes here\n");
        TestImages.png(root.resolve("cat/a.png"), 3, 3, 1);
        assertThat(FormatDetector.detect(root)).isEqualTo(DatasetFormat.IMAGE_FOLDER);
    }

    @Test
    void singleCsvOrCsvFile() throws Exception {
        Path csv = TestImages.text(root.resolve("labels.csv"), "a.png,cat\n");
        TestImages.png(root.resolve("cat/a.png"), 3, 3, 1);
        assertThat(FormatDetector.detect(root)).isEqualTo(DatasetFormat.CSV);
        assertThat(FormatDetector.detect(csv)).isEqualTo(DatasetFormat.CSV);
        TestImages.text(root.resolve("more.csv"), "a.png,cat\n");
        assertThatThrownBy(() -> FormatDetector.detect(root)).isInstanceOf(DatasetFormatException.class).hasMessageContaining("several CSV");
    }

    @Test
    void classListWithImages() throws Exception {
        TestImages.text(root.resolve("classes.txt"), "a\nb\n");
        TestImages.png(root.resolve("x.png"), 3, 3, 1);
        assertThat(FormatDetector.detect(root)).isEqualTo(DatasetFormat.CLASS_LIST);
    }

    @Test
    void imageFolder() throws Exception {
        TestImages.png(root.resolve("dog/sub/a.png"), 3, 3, 1);
        assertThat(FormatDetector.detect(root)).isEqualTo(DatasetFormat.IMAGE_FOLDER);
    }

    @Test
    void looseImagesWithoutLabelsExplainTheLayouts() throws Exception {
        TestImages.png(root.resolve("x.png"), 3, 3, 1);
        assertThatThrownBy(() -> FormatDetector.detect(root)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("cannot tell the dataset format").hasMessageContaining("classes.txt");
    }

    @Test
    void formatKeysParse() {
        for (DatasetFormat f : DatasetFormat.values()) assertThat(DatasetFormat.parse(f.key().toUpperCase())).isEqualTo(f);
        assertThatThrownBy(() -> DatasetFormat.parse("zip")).isInstanceOf(IllegalArgumentException.class);
    }
}
