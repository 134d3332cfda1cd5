package org.alor.clip;

/**
 * Pillow's {@code Image.resize(size, BICUBIC)} on 8-bit RGB, bit for bit: a separable convolution
 * (horizontal pass, then vertical), bicubic kernel a = −0.5 whose support widens by the downscale
 * factor (antialiasing), coefficients normalised then converted to 22-bit fixed point, and each
 * pass rounded and clipped to uint8. A pass whose size does not change is skipped, as in Pillow.
 */
final class PilBicubicResampler {
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double BICUBIC_SUPPORT = 2.0;

    private PilBicubicResampler() {
    }

    /** Per output position: the first input index, the number of taps and the fixed-point weights. */
    private record Coefficients(int kernelSize, int[] bounds, int[] weights) {
    }

    static RgbImage resize(RgbImage in, int outWidth, int outHeight) {
        if (outWidth <= 0 || outHeight <= 0) {
            throw new IllegalArgumentException("target size must be positive: " + outWidth + "×" + outHeight);
        }
        RgbImage img = in;
        if (outWidth != img.width()) img = horizontal(img, outWidth, coefficients(img.width(), outWidth));
        if (outHeight != img.height()) img = vertical(img, outHeight, coefficients(img.height(), outHeight));
        return img == in ? new RgbImage(in.width(), in.height(), in.pixels().clone()) : img;
    }

    static double bicubic(double x) {
        final double a = -0.5;
        if (x < 0.0) x = -x;
        if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        if (x < 2.0) return (((x - 5) * x + 8) * x - 4) * a;
        return 0.0;
    }

    private static Coefficients coefficients(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = BICUBIC_SUPPORT * filterScale;
        int kernelSize = (int) Math.ceil(support) * 2 + 1;
        int[] bounds = new int[outSize * 2];
        int[] weights = new int[outSize * kernelSize];
        double[] k = new double[kernelSize];
        for (int xx = 0; xx < outSize; xx++) {
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
                weights[xx * kernelSize + x] = w < 0
                        ? (int) (-0.5 + w * (1 << PRECISION_BITS))
                        : (int) (0.5 + w * (1 << PRECISION_BITS));
            }
            bounds[2 * xx] = xmin;
            bounds[2 * xx + 1] = xmax;
        }
        return new Coefficients(kernelSize, bounds, weights);
    }

    private static RgbImage horizontal(RgbImage in, int outWidth, Coefficients c) {
        byte[] src = in.pixels();
        int h = in.height();
        int inRow = 3 * in.width();
        byte[] out = new byte[3 * outWidth * h];
        for (int y = 0; y < h; y++) {
            int rowStart = y * inRow;
            int o = 3 * y * outWidth;
            for (int xx = 0; xx < outWidth; xx++) {
                int xmin = c.bounds()[2 * xx];
                int taps = c.bounds()[2 * xx + 1];
                int kOff = xx * c.kernelSize();
                int s0 = 1 << (PRECISION_BITS - 1), s1 = s0, s2 = s0;
                int p = rowStart + 3 * xmin;
                for (int x = 0; x < taps; x++, p += 3) {
                    int w = c.weights()[kOff + x];
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

    private static RgbImage vertical(RgbImage in, int outHeight, Coefficients c) {
        byte[] src = in.pixels();
        int row = 3 * in.width();
        byte[] out = new byte[row * outHeight];
        int[] acc = new int[row];
        for (int yy = 0; yy < outHeight; yy++) {
            int ymin = c.bounds()[2 * yy];
            int taps = c.bounds()[2 * yy + 1];
            int kOff = yy * c.kernelSize();
            java.util.Arrays.fill(acc, 1 << (PRECISION_BITS - 1));
            for (int y = 0; y < taps; y++) {
                int w = c.weights()[kOff + y];
                int p = (ymin + y) * row;
                for (int i = 0; i < row; i++) acc[i] += (src[p + i] & 0xFF) * w;
            }
            int o = yy * row;
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
