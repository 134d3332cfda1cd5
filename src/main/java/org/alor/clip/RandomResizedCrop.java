package org.alor.clip;

import java.util.random.RandomGenerator;

/**
 * torchvision's {@code RandomResizedCrop}: up to 10 tries of a box with area fraction uniform in
 * [scaleMin, scaleMax] and aspect ratio log-uniform in [ratioMin, ratioMax] that fits the image,
 * else a centre crop clamped to the ratio range; the box is then resized to S×S with Pillow bicubic.
 */
public record RandomResizedCrop(int size, double scaleMin, double scaleMax, double ratioMin, double ratioMax) {
    private static final int ATTEMPTS = 10;

    /** A crop box in pixels: columns [left, left+width), rows [top, top+height). */
    public record Box(int left, int top, int width, int height) {
    }

    public RandomResizedCrop {
        if (size <= 0) throw new IllegalArgumentException("crop size must be positive, got " + size);
        if (!(scaleMin > 0 && scaleMin <= scaleMax && scaleMax <= 1)) {
            throw new IllegalArgumentException("scale range must satisfy 0 < min ≤ max ≤ 1, got " + scaleMin + "–" + scaleMax);
        }
        if (!(ratioMin > 0 && ratioMin <= ratioMax)) {
            throw new IllegalArgumentException("ratio range must satisfy 0 < min ≤ max, got " + ratioMin + "–" + ratioMax);
        }
    }

    public static RandomResizedCrop withScale(int size, double scaleMin, double scaleMax) {
        return new RandomResizedCrop(size, scaleMin, scaleMax, 3.0 / 4.0, 4.0 / 3.0);
    }

    public Box sample(int width, int height, RandomGenerator rng) {
        double area = (double) width * height;
        double logMin = Math.log(ratioMin);
        double logMax = Math.log(ratioMax);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double targetArea = area * (scaleMin + (scaleMax - scaleMin) * rng.nextDouble());
            double aspect = Math.exp(logMin + (logMax - logMin) * rng.nextDouble());
            int w = (int) Math.rint(Math.sqrt(targetArea * aspect));
            int h = (int) Math.rint(Math.sqrt(targetArea / aspect));
            if (w > 0 && w <= width && h > 0 && h <= height) {
                int top = rng.nextInt(height - h + 1);
                int left = rng.nextInt(width - w + 1);
                return new Box(left, top, w, h);
            }
        }
        double inRatio = (double) width / height;
        int w = width;
        int h = height;
        if (inRatio < ratioMin) {
            h = (int) Math.rint(w / ratioMin);
        } else if (inRatio > ratioMax) {
            w = (int) Math.rint(h * ratioMax);
        }
        return new Box((width - w) / 2, (height - h) / 2, w, h);
    }

    public RgbImage apply(RgbImage image, RandomGenerator rng) {
        Box b = sample(image.width(), image.height(), rng);
        return PilBicubicResampler.resize(image.crop(b.left(), b.top(), b.width(), b.height()), size, size);
    }
}
