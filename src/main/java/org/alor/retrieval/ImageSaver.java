package org.alor.retrieval;

import org.alor.job.PixelLimit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;

/**
 * Checks and stores one retrieved image: the bytes must decode as an image (content sniffing by ImageIO, whatever
 * the URL or member name says); dimensions are read from the header <em>before</em> any pixel is decoded, so a
 * decompression bomb is refused cheaply; images whose shorter side is below {@code minSide} are refused; larger
 * ones are downscaled (shorter side to {@code shorterSide}, bicubic) and written as JPEG (PNG when transparent).
 * An image already small enough is stored byte for byte. Files are written atomically (temp + rename).
 */
public final class ImageSaver {
    public static final int DEFAULT_MIN_SIDE = 85;
    public static final int DEFAULT_SHORTER_SIDE = 256;
    public static final int MAX_SIDE = 20_000;

    private final int minSide;
    private final int shorterSide;

    /** @param minSide refuse images whose shorter side is smaller (0: keep all); @param shorterSide resize target */
    public ImageSaver(int minSide, int shorterSide) {
        this.minSide = minSide;
        this.shorterSide = shorterSide;
    }

    public ImageSaver() {
        this(DEFAULT_MIN_SIDE, DEFAULT_SHORTER_SIDE);
    }

    /** Header facts of an image: format and dimensions. */
    public record Header(String format, int width, int height) {
    }

    /** Reads format and dimensions without decoding pixels. */
    public static Header header(byte[] bytes) throws RejectedImageException {
        try (ImageInputStream iis = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) throw new RejectedImageException(ItemStatus.of(ItemStatus.Kind.NOT_AN_IMAGE, "unrecognised content"));
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                return new Header(reader.getFormatName().toLowerCase(Locale.ROOT), reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new RejectedImageException(ItemStatus.of(ItemStatus.Kind.NOT_AN_IMAGE, "unreadable header"));
        }
    }

    /**
     * Validates, resizes and writes the image to {@code base} + extension.
     *
     * @param base the target path without extension
     */
    public SavedImage save(byte[] bytes, Path base) throws RejectedImageException, IOException {
        Header h = header(bytes);
        if (h.width() <= 0 || h.height() <= 0) throw new RejectedImageException(ItemStatus.of(ItemStatus.Kind.NOT_AN_IMAGE, "no pixels"));
        if (h.width() > MAX_SIDE || h.height() > MAX_SIDE || PixelLimit.exceeds(h.width(), h.height())) {
            throw new RejectedImageException(ItemStatus.of(ItemStatus.Kind.TOO_LARGE, h.width() + "x" + h.height() + " pixels"));
        }
        if (Math.min(h.width(), h.height()) < minSide) {
            throw new RejectedImageException(ItemStatus.of(ItemStatus.Kind.TOO_SMALL, h.width() + "x" + h.height() + " pixels"));
        }
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            img = null;
        }
        if (img == null) throw new RejectedImageException(ItemStatus.of(ItemStatus.Kind.NOT_AN_IMAGE, "cannot decode " + h.format()));
        boolean keepBytes = Math.min(img.getWidth(), img.getHeight()) <= shorterSide
                && (h.format().equals("jpeg") || h.format().equals("png"));
        byte[] out;
        String ext;
        if (keepBytes) {
            out = bytes;
            ext = h.format().equals("jpeg") ? "jpg" : "png";
        } else {
            BufferedImage small = resize(img, shorterSide);
            img = small;
            boolean alpha = small.getColorModel().hasAlpha();
            ext = alpha ? "png" : "jpg";
            out = alpha ? png(small) : jpeg(small, 0.92f);
        }
        Path target = base.resolveSibling(base.getFileName() + "." + ext);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, out);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new SavedImage(target, img.getWidth(), img.getHeight(), sha256(out));
    }

    /** Shorter side to {@code target}: halving steps (bilinear) then one bicubic step, for good quality. */
    static BufferedImage resize(BufferedImage src, int target) {
        int w = src.getWidth();
        int h = src.getHeight();
        double scale = (double) target / Math.min(w, h);
        if (scale >= 1) return toRgbOrArgb(src);
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        BufferedImage cur = toRgbOrArgb(src);
        while (cur.getWidth() / 2 >= tw && cur.getHeight() / 2 >= th) {
            cur = draw(cur, cur.getWidth() / 2, cur.getHeight() / 2, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        return draw(cur, tw, th, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    private static BufferedImage toRgbOrArgb(BufferedImage src) {
        int type = src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (src.getType() == type) return src;
        return draw(src, src.getWidth(), src.getHeight(), RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    private static BufferedImage draw(BufferedImage src, int w, int h, Object interpolation) {
        int type = src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(w, h, type);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage img, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(bos)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return bos.toByteArray();
    }

    private static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bos);
        return bos.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
