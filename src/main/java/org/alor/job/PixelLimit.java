package org.alor.job;

/**
 * The one pixel limit for every image ALOR reads: import, decoding for features and download. It is checked on
 * the dimensions in the image header, before any pixel is decoded, so a decompression bomb (a few KB declaring
 * 46000×46000) is refused in microseconds instead of costing minutes and gigabytes.
 */
public final class PixelLimit {
    /** 100 megapixels: far above any photo a dataset needs, far below what exhausts a default heap. */
    public static final long MAX_PIXELS = 100_000_000L;

    private PixelLimit() {
    }

    public static boolean exceeds(int width, int height) {
        return (long) width * height > MAX_PIXELS;
    }

    /** The reason given for a refused image, e.g. "46000x46000 pixels is more than the limit of 100 megapixels". */
    public static String reason(int width, int height) {
        return width + "x" + height + " pixels is more than the limit of " + MAX_PIXELS / 1_000_000 + " megapixels";
    }
}
