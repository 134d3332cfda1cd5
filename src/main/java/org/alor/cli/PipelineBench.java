package org.alor.cli;

import org.alor.job.CancellationToken;
import ai.djl.Device;
import org.alor.clip.ClipConfig;
import org.alor.clip.ClipEncoder;
import org.alor.clip.ClipModel;
import org.alor.clip.ClipModelFactory;
import org.alor.clip.Devices;
import org.alor.clip.ImageDecodeException;
import org.alor.clip.ImagePipeline;
import org.alor.clip.ImagePreprocessor;
import org.alor.clip.PreprocessedBatch;
import org.alor.data.ImageFiles;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * {@code alor bench encode --pipeline DIR}: end-to-end images/s of a random ViT-B/32 on real files, with
 * decoding + preprocessing done (a) on the encoding thread batch by batch ("off") and (b) by the parallel
 * {@link ImagePipeline} overlapping with encoding ("on").
 */
final class PipelineBench {
    private final CommandSpec spec;
    private final int batch;
    private final int batches;
    private final int threads;
    private final String device;

    PipelineBench(CommandSpec spec, int batch, int batches, int threads, String device) {
        this.spec = spec;
        this.batch = batch;
        this.batches = batches;
        this.threads = threads;
        this.device = device;
    }

    int run(Path dir) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> Files.isRegularFile(p) && ImageFiles.isImage(p)).sorted().limit((long) batch * batches).toList();
        } catch (IOException e) {
            err.println("error: cannot list " + dir + " (" + e.getMessage() + ")");
            return 1;
        }
        if (files.size() < batch) {
            err.println("error: " + dir + " holds " + files.size() + " images; need at least one batch of " + batch);
            return 2;
        }
        try {
            Device dev = Devices.select(device);
            ClipConfig config = ClipModelFactory.vitB32QuickGelu();
            try (ClipModel model = ClipModel.random(config, dev, 0)) {
                ClipEncoder encoder = new ClipEncoder(model, batch);
                ImagePreprocessor pre = ImagePreprocessor.forConfig(config);
                out.printf(Locale.ROOT, "ViT-B/32 (random weights) on %s, %d images from %s, batch %d%n",
                        Devices.describe(dev), files.size(), dir, batch);
                encoder.encodeImages(BenchEncodeCommand.randomPixels(config, batch, new java.util.Random(1)), batch); // warm-up
                long t0 = System.nanoTime();
                long n = sequential(encoder, pre, files);
                double off = (System.nanoTime() - t0) / 1e9;
                out.printf(Locale.ROOT, "pipeline off (decode on the encoding thread): %d images in %.2f s = %.1f images/s%n",
                        n, off, n / off);
                out.flush();
                t0 = System.nanoTime();
                ImagePipeline pipeline = ImagePipeline.forEvaluation(pre, threads, batch);
                long m;
                try (ImagePipeline.Run run = pipeline.start(files, new CancellationToken())) {
                    m = encoder.encodeImageStream(pixelBatches(run), rows -> { }, org.alor.job.Progress.NONE, new CancellationToken());
                }
                double on = (System.nanoTime() - t0) / 1e9;
                out.printf(Locale.ROOT, "pipeline on (%d decode threads, overlapped): %d images in %.2f s = %.1f images/s (%.2f× off)%n",
                        threads, m, on, m / on, off / on * m / Math.max(1, n));
                return 0;
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private long sequential(ClipEncoder encoder, ImagePreprocessor pre, List<Path> files) {
        int per = pre.valuesPerImage();
        long done = 0;
        for (int from = 0; from < files.size(); from += batch) {
            int to = Math.min(files.size(), from + batch);
            float[] pixels = new float[(to - from) * per];
            int k = 0;
            for (int i = from; i < to; i++) {
                try {
                    System.arraycopy(pre.preprocess(files.get(i)), 0, pixels, k * per, per);
                    k++;
                } catch (ImageDecodeException e) {
                    // skipped, as the pipeline does
                }
            }
            if (k == 0) continue;
            encoder.encodeImages(java.util.Arrays.copyOf(pixels, k * per), k);
            done += k;
        }
        return done;
    }

    private static Iterator<float[]> pixelBatches(ImagePipeline.Run run) {
        return new Iterator<>() {
            private float[] next;

            @Override
            public boolean hasNext() {
                while (next == null && run.hasNext()) {
                    PreprocessedBatch b = run.next();
                    if (b.size() > 0) next = b.pixels();
                }
                return next != null;
            }

            @Override
            public float[] next() {
                if (!hasNext()) throw new NoSuchElementException();
                float[] b = next;
                next = null;
                return b;
            }
        };
    }
}
