package org.alor.clip;

import java.util.Arrays;

/**
 * Pillow's {@code Image.resize(size, BICUBIC)} on 8-bit RGB, bit for bit: a separable convolution
 * (horizontal pass, then vertical), bicubic kernel a = −0.5 whose support widens by the downscale
 * factor (antialiasing), coefficients normalised then converted to 22-bit fixed point, and each
 * pass rounded and clipped to uint8. A pass whose size does not change is skipped, as in Pillow.
 * Every output pixel depends only on its own row/column weights, so a crop of the resized image
 * can be computed alone ({@link #resizeAndCrop}) with identical values and far less work.
 */
final class PilBicubicResampler {
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double BICUBIC_SUPPORT = 2.0;

    private PilBicubicResampler() {
    }

    /**
     * Weights for output positions [first, first + count): per position the first input index,
     * the number of taps and the fixed-point weights.
     */
    private record Coefficients(int first, int kernelSize, int[] bounds, int[] weights) {
        int start(int out) {
            return bounds[2 * (out - first)];
        }

        int taps(int out) {
            return bounds[2 * (out - first) + 1];
        }

        int offset(int out) {
            return (out - first) * kernelSize;
        }
    }

    static RgbImage resize(RgbImage in, int outWidth, int outHeight) {
        return resizeAndCrop(in, outWidth, outHeight, 0, 0, outWidth, outHeight);
    }

    /** The region (left, top, width × height) of {@code resize(in, outWidth, outHeight)}. */
    static RgbImage resizeAndCrop(RgbImage in, int outWidth, int outHeight, int left, int top, int width, int height) {
        if (outWidth <= 0 || outHeight <= 0) {
            throw new IllegalArgumentException("target size must be positive: " + outWidth + "×" + outHeight);
        }
        if (left < 0 || top < 0 || width <= 0 || height <= 0 || left + width > outWidth || top + height > outHeight) {
            throw new IllegalArgumentException("crop " + width + "×" + height + "+" + left + "+" + top
                    + " is outside the " + outWidth + "×" + outHeight + " target");
        }
        boolean needVertical = outHeight != in.height();
        Coefficients vertical = needVertical ? coefficients(in.height(), outHeight, top, height) : null;
        // input rows the kept output rows read (bounds grow monotonically with the output row)
        int rowFirst = needVertical ? vertical.start(top) : top;
        int rowEnd = needVertical ? vertical.start(top + height - 1) + vertical.taps(top + height - 1) : top + height;

        RgbImage rows = outWidth != in.width()
                ? horizontal(in, rowFirst, rowEnd, coefficients(in.width(), outWidth, left, width))
                : in.crop(left, rowFirst, width, rowEnd - rowFirst);
        return needVertical ? vertical(rows, rowFirst, vertical) : rows;
    }

    static double bicubic(double x) {
        final double a = -0.5;
        if (x < 0.0) x = -x;
        if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        if (x < 2.0) return (((x - 5) * x + 8) * x - 4) * a;
        return 0.0;
    }

    private static Coefficients coefficients(int inSize, int outSize, int first, int count) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = BICUBIC_SUPPORT * filterScale;
        int kernelSize = (int) Math.ceil(support) * 2 + 1;
        int[] bounds = new int[count * 2];
        int[] weights = new int[count * kernelSize];
        double[] k = new double[kernelSize];
        for (int i = 0; i < count; i++) {
            int xx = first + i;
            double center = (xx + 0.5) * scale;
            double ss = 1.0 / filterScale;
            int xmin = Math.max((int) (center - support + 0.5), 0);
            int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
            double ww = 0.0;
            for (int x = 0; x < xmax; x++) {
                k[x] = bicubic((x + xmin - center + 0.5) * ss);
                ww += k[x];
            }
            for (int x = 0; x < xmax; x++) {
                double w = ww != 0.0 ? k[x] / ww : k[x];
                weights[i * kernelSize + x] = w < 0
                        ? (int) (-0.5 + w * (1 << PRECISION_BITS))
                        : (int) (0.5 + w * (1 << PRECISION_BITS));
            }
            bounds[2 * i] = xmin;
            bounds[2 * i + 1] = xmax;
        }
        return new Coefficients(first, kernelSize, bounds, weights);
    }

    /** Horizontal pass over input rows [rowFirst, rowEnd) for the output columns of {@code c}. */
    private static RgbImage horizontal(RgbImage in, int rowFirst, int rowEnd, Coefficients c) {
        byte[] src = in.pixels();
        int inRow = 3 * in.width();
        int outWidth = c.bounds().length / 2;
        int h = rowEnd - rowFirst;
        byte[] out = new byte[3 * outWidth * h];
        int[] weights = c.weights();
        for (int y = 0; y < h; y++) {
            int rowStart = (rowFirst + y) * inRow;
            int o = 3 * y * outWidth;
            for (int xx = c.first(); xx < c.first() + outWidth; xx++) {
                int taps = c.taps(xx);
                int kOff = c.offset(xx);
                int s0 = 1 << (PRECISION_BITS - 1), s1 = s0, s2 = s0;
                int p = rowStart + 3 * c.start(xx);
                for (int x = 0; x < taps; x++, p += 3) {
                    int w = weights[kOff + x];
                    s0 += (src[p] & 0xFF) * w;
                    s1 += (src[p + 1] & 0xFF) * w;
                    s2 += (src[p + 2] & 0xFF) * w;
                }
                out[o++] = clip8(s0);
                out[o++] = clip8(s1);
                out[o++] = clip8(s2);
            }
        }
        return new RgbImage(outWidth, h, out);
    }

    /** Vertical pass; {@code in} holds the input rows from {@code rowFirst} on. */
    private static RgbImage vertical(RgbImage in, int rowFirst, Coefficients c) {
        byte[] src = in.pixels();
        int row = 3 * in.width();
        int outHeight = c.bounds().length / 2;
        byte[] out = new byte[row * outHeight];
        int[] acc = new int[row];
        int[] weights = c.weights();
        for (int yy = c.first(); yy < c.first() + outHeight; yy++) {
            int taps = c.taps(yy);
            int kOff = c.offset(yy);
            Arrays.fill(acc, 1 << (PRECISION_BITS - 1));
            for (int y = 0; y < taps; y++) {
                int w = weights[kOff + y];
                int p = (c.start(yy) - rowFirst + y) * row;
                for (int i = 0; i < row; i++) acc[i] += (src[p + i] & 0xFF) * w;
            }
            int o = (yy - c.first()) * row;
            for (int i = 0; i < row; i++) out[o + i] = clip8(acc[i]);
        }
        return new RgbImage(in.width(), outHeight, out);
    }

    private static byte clip8(int v) {
        if (v >= (1 << PRECISION_BITS << 8)) return (byte) 255;
        if (v <= 0) return 0;
        return (byte) (v >> PRECISION_BITS);
    }
}
