package org.alor.clip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageDecoderTest {
    @TempDir
    Path dir;

    @Test
    void greyscaleIsReplicatedWithoutGammaConversion() throws IOException {
        BufferedImage grey = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(1, 0, 0, 100);
        grey.getRaster().setSample(3, 1, 0, 17);
        RgbImage img = ImageDecoder.decode(write(grey, "png", "grey.png"));
        assertThat(new int[]{img.get(1, 0, 0), img.get(1, 0, 1), img.get(1, 0, 2)}).containsExactly(100, 100, 100);
        assertThat(img.get(3, 1, 2)).isEqualTo(17);
        assertThat(img.get(0, 0, 0)).isZero();
    }

    @Test
    void alphaIsDroppedLikePillowsConvertRgb() throws IOException {
        BufferedImage rgba = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(0, 0, 0x00C86432); // fully transparent, colour (200,100,50)
        rgba.setRGB(1, 0, 0x80102030);
        RgbImage img = ImageDecoder.decode(write(rgba, "png", "alpha.png"));
        assertThat(Arrays.copyOf(img.pixels(), 6)).containsExactly(200, 100, 50, 0x10, 0x20, 0x30);
    }

    @Test
    void palettesAreExpanded() throws IOException {
        IndexColorModel palette = new IndexColorModel(8, 2, new byte[]{10, (byte) 250}, new byte[]{20, 0}, new byte[]{30, 5});
        BufferedImage p = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
        p.getRaster().setSample(1, 0, 0, 1);
        RgbImage img = ImageDecoder.decode(write(p, "png", "palette.png"));
        assertThat(img.pixels()).containsExactly(10, 20, 30, (byte) 250, 0, 5);
    }

    @Test
    void jpegAndBmpDecode() throws IOException {
        BufferedImage rgb = new BufferedImage(16, 8, BufferedImage.TYPE_3BYTE_BGR);
        for (int x = 0; x < 16; x++) for (int y = 0; y < 8; y++) rgb.setRGB(x, y, 0x3C78B4);
        RgbImage bmp = ImageDecoder.decode(write(rgb, "bmp", "a.bmp"));
        assertThat(new int[]{bmp.get(5, 5, 0), bmp.get(5, 5, 1), bmp.get(5, 5, 2)}).containsExactly(0x3C, 0x78, 0xB4);
        RgbImage jpg = ImageDecoder.decode(write(rgb, "jpg", "a.jpg"));
        assertThat(jpg.width()).isEqualTo(16);
        assertThat(Math.abs(jpg.get(5, 5, 1) - 0x78)).isLessThan(6);
    }

    @Test
    void unreadableFilesNameTheFileAndTheProblem() throws IOException {
        Path garbage = Files.write(dir.resolve("garbage.jpg"), "definitely not an image".getBytes());
        assertThatThrownBy(() -> ImageDecoder.decode(garbage))
                .isInstanceOf(ImageDecodeException.class).hasMessageContaining("garbage.jpg").hasMessageContaining("not an image");
        Path missing = dir.resolve("missing.png");
        assertThatThrownBy(() -> ImageDecoder.decode(missing)).hasMessageContaining("missing.png").hasMessageContaining("no such file");
        byte[] png = Files.readAllBytes(Path.of("src/test/resources/fixtures/clip-preprocess/portrait.png"));
        Path truncated = Files.write(dir.resolve("truncated.png"), Arrays.copyOf(png, png.length / 3));
        assertThatThrownBy(() -> ImageDecoder.decode(truncated))
                .isInstanceOf(ImageDecodeException.class).hasMessageContaining("truncated.png");
    }

    @Test
    void truncatedJpegIsRefusedLikePillowDoes() throws IOException {
        RgbImage noise = TestImages.noise(64, 64, 3);
        BufferedImage rgb = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
        for (int x = 0; x < 64; x++) for (int y = 0; y < 64; y++) {
            rgb.setRGB(x, y, (noise.get(x, y, 0) << 16) | (noise.get(x, y, 1) << 8) | noise.get(x, y, 2));
        }
        byte[] jpg = Files.readAllBytes(write(rgb, "jpg", "full.jpg"));
        Path truncated = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpg, jpg.length / 2));
        assertThatThrownBy(() -> ImageDecoder.decode(truncated))
                .isInstanceOf(ImageDecodeException.class).hasMessageContaining("cut.jpg").hasMessageContaining("truncated");
    }

    private Path write(BufferedImage image, String format, String name) throws IOException {
        Path file = dir.resolve(name);
        assertThat(ImageIO.write(image, format, file.toFile())).isTrue();
        return file;
    }

    @Test
    void decompressionBombIsRefusedBeforeDecoding() throws IOException {
        Path bomb = org.alor.job.BombImages.png(dir.resolve("bomb.png"), 46000, 46000);
        assertThatThrownBy(() -> ImageDecoder.decode(bomb)).isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("bomb.png").hasMessageContaining("46000x46000").hasMessageContaining("100 megapixels");
    }
}
