package org.alor.clip;

import java.nio.file.Path;

/**
 * CLIP's evaluation preprocessing (OpenCLIP/torchvision on PIL): resize the shorter side to S with
 * Pillow bicubic (antialiased when shrinking; longer side = floor(S·long/short)), centre crop S×S
 * (offset = round-half-even((len − S)/2), like Python's round), scale to [0,1], normalise by
 * mean/std, CHW float32.
 */
public final class ImagePreprocessor implements ImageTransform {
    private final int size;
    private final float[] mean;
    private final float[] std;

    public ImagePreprocessor(int size, float[] mean, float[] std) {
        if (size <= 0) throw new IllegalArgumentException("image size must be positive, got " + size);
        if (mean.length != 3 || std.length != 3) throw new IllegalArgumentException("mean and std need 3 values each");
        for (float s : std) if (!(s > 0)) throw new IllegalArgumentException("std values must be positive");
        this.size = size;
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** CLIP's statistics at size S. */
    public static ImagePreprocessor clip(int size) {
        return new ImagePreprocessor(size, ClipConfig.CLIP_MEAN, ClipConfig.CLIP_STD);
    }

    public static ImagePreprocessor forConfig(ClipConfig config) {
        return new ImagePreprocessor(config.imageSize(), config.mean(), config.std());
    }

    public int size() {
        return size;
    }

    /** Values per preprocessed image: 3·S·S. */
    public int valuesPerImage() {
        return 3 * size * size;
    }

    public float[] preprocess(Path file) throws ImageDecodeException {
        return preprocess(ImageDecoder.decode(file));
    }

    public float[] preprocess(RgbImage image) {
        int[] resized = resizedSize(image.width(), image.height());
        int left = centerOffset(resized[0]);
        int top = centerOffset(resized[1]);
        // only the centre crop of the resized image is computed (identical values, less work and memory)
        return normalize(PilBicubicResampler.resizeAndCrop(image, resized[0], resized[1], left, top, size, size));
    }

    @Override
    public float[] apply(RgbImage image, int index) {
        return preprocess(image);
    }

    /** Width and height after resizing the shorter side to S (longer side = floor(S·long/short)). */
    int[] resizedSize(int w, int h) {
        return w <= h ? new int[]{size, (int) ((long) size * h / w)} : new int[]{(int) ((long) size * w / h), size};
    }

    /** Centre-crop offset along a side of the given length: Python's round((len − S)/2), half to even. */
    int centerOffset(int length) {
        return (int) Math.rint((length - size) / 2.0);
    }

    /** An S×S image to normalised CHW float32: (v/255 − mean)/std, in float like torchvision. */
    public float[] normalize(RgbImage image) {
        if (image.width() != size || image.height() != size) {
            throw new IllegalArgumentException("expected a " + size + "×" + size + " image, got "
                    + image.width() + "×" + image.height());
        }
        int plane = size * size;
        float[] out = new float[3 * plane];
        byte[] px = image.pixels();
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                out[c * plane + i] = ((px[3 * i + c] & 0xFF) / 255f - mean[c]) / std[c];
            }
        }
        return out;
    }
}
