package org.alor.clip;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Decodes an in-memory image (e.g. a tar member) to RGB exactly as {@link ImageDecoder} decodes a file. */
public final class ImageBytes {
    static {
        ImageIO.setUseCache(false);
    }

    private ImageBytes() {
    }

    /**
     * @param name shown in the error, e.g. "shard-00003.tar: member 000123.png"
     * @throws IOException naming {@code name} when the bytes are not a readable image
     */
    public static RgbImage decode(byte[] data, String name) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(data));
        } catch (IOException | RuntimeException e) {
            throw new IOException(name + ": cannot decode image (" + e.getMessage() + ")", e);
        }
        if (image == null) throw new IOException(name + ": not an image format ALOR can read (JPEG, PNG, BMP, GIF)");
        try {
            return ImageDecoder.toRgb(image);
        } catch (RuntimeException e) {
            throw new IOException(name + ": unsupported colour layout (" + e.getMessage() + ")", e);
        }
    }
}
