package org.alor.clip;

/**
 * An 8-bit RGB image, pixels interleaved row by row ({@code r,g,b} of (0,0), then (1,0), ...).
 */
public record RgbImage(int width, int height, byte[] pixels) {
    public RgbImage {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image size must be positive: " + width + "×" + height);
        if (pixels.length != 3 * width * height) {
            throw new IllegalArgumentException("expected " + 3 * width * height + " bytes for " + width + "×" + height
                    + " RGB, got " + pixels.length);
        }
    }

    /** Channel c (0=R, 1=G, 2=B) of pixel (x, y), 0..255. */
    public int get(int x, int y, int c) {
        return pixels[3 * (y * width + x) + c] & 0xFF;
    }

    /** The w×h region whose top-left corner is (left, top); it must lie inside the image. */
    public RgbImage crop(int left, int top, int w, int h) {
        if (left < 0 || top < 0 || w <= 0 || h <= 0 || left + w > width || top + h > height) {
            throw new IllegalArgumentException("crop " + w + "×" + h + "+" + left + "+" + top
                    + " is outside the " + width + "×" + height + " image");
        }
        byte[] out = new byte[3 * w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(pixels, 3 * ((top + y) * width + left), out, 3 * y * w, 3 * w);
        }
        return new RgbImage(w, h, out);
    }

    /** The image mirrored left ↔ right. */
    public RgbImage mirrored() {
        byte[] out = new byte[pixels.length];
        for (int y = 0; y < height; y++) {
            int row = 3 * y * width;
            for (int x = 0; x < width; x++) {
                int from = row + 3 * x;
                int to = row + 3 * (width - 1 - x);
                out[to] = pixels[from];
                out[to + 1] = pixels[from + 1];
                out[to + 2] = pixels[from + 2];
            }
        }
        return new RgbImage(width, height, out);
    }
}
