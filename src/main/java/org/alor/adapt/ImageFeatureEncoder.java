package org.alor.adapt;

import org.alor.job.CancellationToken;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.alor.clip.ClipModel;
import org.alor.clip.ImagePipeline;
import org.alor.clip.ImagePreprocessor;
import org.alor.clip.NoGradient;
import org.alor.clip.PreprocessedBatch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes stored images with a (possibly adapted) image tower: evaluation preprocessing on parallel threads,
 * batches in closed-after-use managers, autograd off (safe on any thread). Used for validation during FT/CT and
 * for val/test/pool features of the adapted model.
 */
public final class ImageFeatureEncoder {
    public static final int BATCH = 64;

    private ImageFeatureEncoder() {
    }

    /** Unnormalised image embeddings, one row per id, in order; fails naming the first file it cannot use. */
    public static float[][] encode(ClipModel model, ImageSource images, List<Long> ids, int threads,
                                   CancellationToken cancelled) {
        List<Path> paths = new ArrayList<>(ids.size());
        for (long id : ids) paths.add(images.path(id));
        return encode(model, paths, threads, cancelled);
    }

    /** Unnormalised image embeddings of image files, one row per file, in order. */
    public static float[][] encode(ClipModel model, List<Path> paths, int threads, CancellationToken cancelled) {
        float[][] out = new float[paths.size()][];
        if (paths.isEmpty()) return out;
        ImagePreprocessor pre = ImagePreprocessor.forConfig(model.config());
        int s = pre.size();
        try (ImagePipeline.Run run = ImagePipeline.forEvaluation(pre, threads, BATCH).start(paths, cancelled);
             NoGradient ignored = NoGradient.enter()) {
            while (run.hasNext()) {
                PreprocessedBatch batch = run.next();
                if (!batch.failures().isEmpty()) {
                    throw new IllegalStateException("cannot encode image " + batch.failures().get(0));
                }
                try (NDManager scope = model.parameterManager().newSubManager(model.device())) {
                    NDArray pixels = scope.create(batch.pixels(), new Shape(batch.size(), 3, s, s));
                    NDArray embeds = model.encodeImages(new ParameterStore(scope, false), pixels, false);
                    float[] flat = embeds.toFloatArray();
                    int d = flat.length / batch.size();
                    for (int k = 0; k < batch.size(); k++) {
                        float[] row = new float[d];
                        System.arraycopy(flat, k * d, row, 0, d);
                        out[batch.indices()[k]] = row;
                    }
                }
            }
        }
        if (cancelled.isCancelled()) throw new java.util.concurrent.CancellationException("encoding cancelled");
        return out;
    }
}
