package org.alor.clip;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Paths and loaders for the golden clip-tiny fixture (test-only). */
final class ClipTinyFixture {
    static final Path DIR = Path.of("src/test/resources/fixtures/clip-tiny");

    private ClipTinyFixture() {
    }

    static ClipModel model() {
        try {
            return ClipModelFactory.load(DIR, Device.cpu());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NDList read(NDManager manager, String file) {
        try {
            return DjlSafetensors.read(manager, DIR.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double maxAbsDiff(NDArray got, NDArray want) {
        float[] g = got.toFloatArray();
        float[] w = want.toFloatArray();
        if (g.length != w.length) {
            throw new AssertionError("length " + g.length + " vs " + w.length);
        }
        double max = 0;
        for (int i = 0; i < g.length; i++) {
            max = Math.max(max, Math.abs(g[i] - w[i]));
        }
        return max;
    }

    static double relativeError(NDArray got, NDArray want) {
        float[] g = got.toFloatArray();
        float[] w = want.toFloatArray();
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < g.length; i++) {
            diff += (g[i] - w[i]) * (double) (g[i] - w[i]);
            norm += w[i] * (double) w[i];
        }
        return Math.sqrt(diff) / Math.sqrt(norm);
    }
}
