package org.alor.loop.doctor;

import ai.djl.Device;
import org.alor.clip.ClipConfig;
import org.alor.clip.ClipEncoder;
import org.alor.clip.ClipModel;
import org.alor.clip.ClipModelFactory;
import org.alor.clip.Devices;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

/** Encodes batches of random pixels with the checkpoint's image tower until the budget is spent (one warm-up batch). */
public final class ClipEncodeTimer implements EncodeTimer {
    private static final int BATCH = 32;

    @Override
    public double imagesPerSecond(Path checkpoint, String device, Duration budget) throws Exception {
        Device dev = Devices.select(device);
        try (ClipModel model = ClipModelFactory.load(checkpoint, dev)) {
            ClipConfig config = model.config();
            float[] pixels = new float[BATCH * 3 * config.imageSize() * config.imageSize()];
            Random random = new Random(1);
            for (int i = 0; i < pixels.length; i++) pixels[i] = (float) random.nextGaussian();
            ClipEncoder encoder = new ClipEncoder(model, BATCH);
            encoder.encodeImages(pixels, BATCH);
            long start = System.nanoTime();
            long end = start + budget.toNanos();
            long images = 0;
            do {
                encoder.encodeImages(pixels, BATCH);
                images += BATCH;
            } while (System.nanoTime() < end);
            return images / ((System.nanoTime() - start) / 1e9);
        }
    }
}
