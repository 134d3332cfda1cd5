package org.alor.clip;

/** Small synthetic images for tests. */
final class TestImages {
    private TestImages() {
    }

    static RgbImage constant(int w, int h, int r, int g, int b) {
        byte[] px = new byte[3 * w * h];
        for (int i = 0; i < px.length; i += 3) {
            px[i] = (byte) r;
            px[i + 1] = (byte) g;
            px[i + 2] = (byte) b;
        }
        return new RgbImage(w, h, px);
    }

    /** Red = row index (mod 256), green = column index (mod 256), blue = 7. */
    static RgbImage rowIndexImage(int w, int h) {
        byte[] px = new byte[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = 3 * (y * w + x);
                px[o] = (byte) y;
                px[o + 1] = (byte) x;
                px[o + 2] = 7;
            }
        }
        return new RgbImage(w, h, px);
    }

    /** A random-noise image from a fixed seed. */
    static RgbImage noise(int w, int h, long seed) {
        byte[] px = new byte[3 * w * h];
        new java.util.Random(seed).nextBytes(px);
        return new RgbImage(w, h, px);
    }
}
