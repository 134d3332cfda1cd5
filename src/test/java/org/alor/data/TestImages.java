package org.alor.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

/** Writes tiny images (and broken ones) for tests. */
final class TestImages {
    private TestImages() {
    }

    /** Random-looking but reproducible pixels so JPEGs have real entropy-coded data and files differ. */
    static BufferedImage image(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, r.nextInt(0x1000000));
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(r.nextInt(0x1000000)));
        g.fillRect(0, 0, w / 2, h / 2);
        g.dispose();
        return img;
    }

    static byte[] encode(String format, int w, int h, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image(w, h, seed), format, out)) throw new IllegalStateException("no writer for " + format);
        return out.toByteArray();
    }

    static Path write(Path file, String format, int w, int h, long seed) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, encode(format, w, h, seed));
        return file;
    }

    static Path jpg(Path file, int w, int h, long seed) throws IOException {
        return write(file, "jpg", w, h, seed);
    }

    static Path png(Path file, int w, int h, long seed) throws IOException {
        return write(file, "png", w, h, seed);
    }

    /** A JPEG cut off after 60% of its bytes: the header is intact, the scan data is not. */
    static Path truncatedJpg(Path file, long seed) throws IOException {
        byte[] full = encode("jpg", 48, 40, seed);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Arrays.copyOf(full, full.length * 6 / 10));
        return file;
    }

    static Path empty(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, new byte[0]);
        return file;
    }

    static Path text(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, content);
        return file;
    }
}
