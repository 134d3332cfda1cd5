package org.alor.clip;

import org.alor.job.PixelLimit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Decodes JPEG/PNG/BMP/GIF files with ImageIO into 8-bit RGB the way the reference's
 * {@code PIL.Image.open(...).convert("RGB")} sees them: stored samples as they are (no EXIF
 * rotation, no ICC colour conversion), alpha dropped (not composed onto a background), grey
 * replicated to three channels, palettes expanded, 16-bit samples reduced to their high byte.
 */
public final class ImageDecoder {
    static {
        // decode from memory instead of ImageIO's temp-file cache: faster, and no temp files from worker threads
        ImageIO.setUseCache(false);
    }

    private ImageDecoder() {
    }

    public static RgbImage decode(Path file) throws ImageDecodeException {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImageDecodeException(file, "no such file", e);
        } catch (IOException e) {
            throw new ImageDecodeException(file, "cannot read file (" + describe(e) + ")", e);
        }
        BufferedImage image = read(file, data);
        try {
            return toRgb(image);
        } catch (RuntimeException e) {
            throw new ImageDecodeException(file, "unsupported colour layout (" + describe(e) + ")", e);
        }
    }

    private static BufferedImage read(Path file, byte[] data) throws ImageDecodeException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageDecodeException(file, "not an image format ALOR can read (JPEG, PNG, BMP, GIF)", null);
            }
            ImageReader reader = readers.next();
            List<String> truncation = new ArrayList<>();
            try {
                reader.setInput(in, true, true);
                // ImageIO fills a truncated JPEG with grey and only warns; Pillow refuses such files
                reader.addIIOReadWarningListener((source, warning) -> {
                    String w = warning == null ? "" : warning.toLowerCase(java.util.Locale.ROOT);
                    if (w.contains("truncated file") || w.contains("premature end of jpeg file")) truncation.add(warning);
                });
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (PixelLimit.exceeds(width, height)) throw new ImageDecodeException(file, PixelLimit.reason(width, height), null);
                BufferedImage image = reader.read(0);
                if (!truncation.isEmpty()) throw new ImageDecodeException(file, "image file is truncated", null);
                return image;
            } finally {
                reader.dispose();
            }
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageDecodeException(file, "cannot decode image (" + describe(e) + ")", e);
        }
    }

    static RgbImage toRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[3 * w * h];
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        int colorSpace = cm.getColorSpace().getType();
        if (!(cm instanceof IndexColorModel) && colorSpace == ColorSpace.TYPE_GRAY) {
            int shift = Math.max(0, cm.getComponentSize(0) - 8);
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    byte g = (byte) (row[x] >> shift);
                    int o = 3 * (y * w + x);
                    out[o] = g;
                    out[o + 1] = g;
                    out[o + 2] = g;
                }
            }
        } else if (!(cm instanceof IndexColorModel) && colorSpace == ColorSpace.TYPE_RGB && raster.getNumBands() >= 3) {
            int bands = raster.getNumBands();
            int[] shift = {Math.max(0, cm.getComponentSize(0) - 8), Math.max(0, cm.getComponentSize(1) - 8),
                    Math.max(0, cm.getComponentSize(2) - 8)};
            int[] row = new int[w * bands];
            for (int y = 0; y < h; y++) {
                raster.getPixels(0, y, w, 1, row);
                int o = 3 * y * w;
                for (int x = 0, p = 0; x < w; x++, p += bands) {
                    out[o++] = (byte) (row[p] >> shift[0]);
                    out[o++] = (byte) (row[p + 1] >> shift[1]);
                    out[o++] = (byte) (row[p + 2] >> shift[2]);
                }
            }
        } else {
            int[] argb = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, argb, 0, w);
                int o = 3 * y * w;
                for (int x = 0; x < w; x++) {
                    out[o++] = (byte) (argb[x] >> 16);
                    out[o++] = (byte) (argb[x] >> 8);
                    out[o++] = (byte) argb[x];
                }
            }
        }
        return new RgbImage(w, h, out);
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
