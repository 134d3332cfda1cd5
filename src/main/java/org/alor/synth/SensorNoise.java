package org.alor.synth;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/** A small camera's flaws on a field photo: slightly soft focus, then per-pixel Gaussian noise. */
final class SensorNoise {
    private SensorNoise() {
    }

    static void apply(BufferedImage img, SplittableRandom rnd) {
        int w = img.getWidth(), h = img.getHeight();
        int[] src = img.getRGB(0, 0, w, h, null, 0, w);
        double focus = 0.2 + 0.4 * rnd.nextDouble();   // share of the 3×3 neighbourhood mixed into each pixel
        double sigma = 1.5 + 3.5 * rnd.nextDouble();       // noise in 0..255 units
        int[] out = new int[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] own = rgb(src[y * w + x]), near = {0, 0, 0};
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = Math.max(0, Math.min(h - 1, y + dy)), xx = Math.max(0, Math.min(w - 1, x + dx));
                        double[] c = rgb(src[yy * w + xx]);
                        for (int k = 0; k < 3; k++) near[k] += c[k];
                        n++;
                    }
                }
                int[] v = new int[3];
                for (int k = 0; k < 3; k++) {
                    double mixed = (1 - focus) * own[k] + focus * near[k] / n + sigma * rnd.nextGaussian();
                    v[k] = (int) Math.max(0, Math.min(255, Math.round(mixed)));
                }
                out[y * w + x] = (v[0] << 16) | (v[1] << 8) | v[2];
            }
        }
        img.setRGB(0, 0, w, h, out, 0, w);
    }

    private static double[] rgb(int p) {
        return new double[]{(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
    }
}
