package org.alor.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageInspectorTest {
    @TempDir
    Path dir;

    @Test
    void readsSizeAndHashOfJpegPngBmp() throws Exception {
        for (String format : List.of("jpg", "png", "bmp")) {
            Path f = TestImages.write(dir.resolve("a." + format), format, 37, 21, 1);
            ImageInspector.Inspection r = ImageInspector.inspect(f);
            assertThat(r.problem()).as(format).isNull();
            assertThat(r.info().width()).isEqualTo(37);
            assertThat(r.info().height()).isEqualTo(21);
            assertThat(r.info().contentHash()).isEqualTo(ImageInspector.sha256(Files.readAllBytes(f))).hasSize(64);
        }
    }

    @Test
    void sha256IsTheStandardDigest() {
        assertThat(ImageInspector.sha256("abc".getBytes()))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void truncatedJpegIsCorrupt() throws Exception {
        ImageInspector.Inspection r = ImageInspector.inspect(TestImages.truncatedJpg(dir.resolve("cut.jpg"), 2));
        assertThat(r.ok()).isFalse();
        assertThat(r.problem()).containsIgnoringCase("corrupt");
    }

    @Test
    void jpegWithDamagedScanDataIsCorrupt() throws Exception {
        byte[] bytes = TestImages.encode("jpg", 64, 64, 3);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 40; i++) bytes[i] = (byte) 0xFF;
        Path f = dir.resolve("damaged.jpg");
        Files.write(f, bytes);
        assertThat(ImageInspector.inspect(f).ok()).isFalse();
    }

    @Test
    void truncatedPngIsCorrupt() throws Exception {
        byte[] bytes = TestImages.encode("png", 48, 48, 4);
        Path f = dir.resolve("cut.png");
        Files.write(f, Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(ImageInspector.inspect(f).ok()).isFalse();
    }

    @Test
    void emptyFileAndGarbageAndMissingAreReported() throws Exception {
        assertThat(ImageInspector.inspect(TestImages.empty(dir.resolve("e.jpg"))).problem()).isEqualTo("empty file");
        assertThat(ImageInspector.inspect(TestImages.text(dir.resolve("g.jpg"), "not an image")).problem())
                .contains("not a readable image");
        assertThat(ImageInspector.inspect(dir.resolve("missing.png")).problem()).isEqualTo("file not found");
    }

    @Test
    void webpWithoutReaderIsExplained() throws Exception {
        Path f = TestImages.text(dir.resolve("x.webp"), "RIFF\0\0\0\0WEBPVP8 ");
        ImageInspector.Inspection r = ImageInspector.inspect(f);
        assertThat(r.ok()).isFalse();
        if (!ImageFiles.isDecodable("x.webp")) assertThat(r.problem()).contains("WebP is not supported");
    }

    @Test
    void parallelInspectionKeepsInputOrderAndReportsProgress() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            files.add(i % 7 == 3 ? TestImages.empty(dir.resolve("f" + i + ".png")) : TestImages.png(dir.resolve("f" + i + ".png"), 5 + i, 3, i));
        }
        AtomicInteger last = new AtomicInteger();
        List<ImageInspector.Inspection> results = new ImageInspector(4, (done, total) -> last.accumulateAndGet(done, Math::max)).inspectAll(files);
        assertThat(last.get()).isEqualTo(30);
        for (int i = 0; i < 30; i++) {
            assertThat(results.get(i).file()).isEqualTo(files.get(i));
            if (i % 7 == 3) assertThat(results.get(i).ok()).isFalse();
            else assertThat(results.get(i).info().width()).isEqualTo(5 + i);
        }
    }

    @Test
    void decompressionBombIsRefusedFromItsHeader() throws Exception {
        Path bomb = org.alor.job.BombImages.png(dir.resolve("bomb.png"), 46000, 46000);
        long start = System.nanoTime();
        ImageInspector.Inspection r = ImageInspector.inspect(bomb);
        assertThat(r.ok()).isFalse();
        assertThat(r.problem()).contains("46000x46000").contains("100 megapixels");
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }
}
