package org.alor.synth;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** PNG bytes of an image (ImageIO writes no timestamps, so equal pixels give equal bytes on one JDK). */
final class Png {
    static {
        ImageIO.setUseCache(false);
    }

    private Png() {
    }

    static byte[] encode(BufferedImage img) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
            if (!ImageIO.write(img, "png", bytes)) throw new IllegalStateException("no PNG writer available");
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
