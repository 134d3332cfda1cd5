package org.alor.adapt;

import org.alor.clip.ClipModel;
import org.alor.clip.ClipModelFactory;
import org.alor.clip.SafetensorsFile;
import org.alor.clip.SafetensorsWriter;
import org.alor.clip.StateDict;
import org.alor.clip.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The adapted weights of a round on disk (one folder per round, e.g. {@code <project>/models/round-<r>/}), only
 * what the method changed:
 * <ul>
 *   <li>{@value #HEAD_FILE}: {@code head.weight} [C, D] (rows on normalised features) and {@code head.scale} [1]
 *       (the logit multiplier), metadata {@code method} — every method;</li>
 *   <li>{@value TunedClipModel#TOWERS_FILE}: the tuned tower tensors under OpenCLIP names — the image tower for
 *       FT, both towers for CT;</li>
 *   <li>{@value #CONTEXTS_FILE}: {@code prompt.contexts} [C, 16, W] — PT.</li>
 * </ul>
 * {@link #load} rebuilds a model for prediction from such a folder and the pretrained base.
 */
public final class SavedModels {
    public static final String HEAD_FILE = "head.safetensors";
    public static final String CONTEXTS_FILE = "contexts.safetensors";

    private SavedModels() {
    }

    static void writeHead(Path dir, String method, TextHead head, float scale) throws IOException {
        Files.createDirectories(dir);
        float[][] w = head.weights();
        new SafetensorsWriter().metadata("method", method)
                .addFloat("head.weight", new long[] {w.length, w[0].length}, TunedTraining.flatten(w))
                .addFloat("head.scale", new long[] {1}, new float[] {scale})
                .write(dir.resolve(HEAD_FILE));
    }

    /**
     * A model for prediction from a saved round folder: FT/CT overlay the saved towers on the pretrained weights of
     * {@code base} (and re-encode images through {@code images}); the other methods are a head on cached features.
     *
     * @throws IOException naming the file when the folder is incomplete or does not fit the base model
     */
    public static AdaptedModel load(Path dir, ClipBase base, ImageSource images) throws IOException {
        Path headFile = dir.resolve(HEAD_FILE);
        if (!Files.isRegularFile(headFile)) throw new IOException(headFile + ": no saved head in this folder");
        TextHead head;
        float scale;
        String method;
        try (SafetensorsFile f = SafetensorsFile.open(headFile)) {
            method = f.metadata().getOrDefault("method", "unknown");
            Tensor w = f.floatTensor("head.weight");
            head = new TextHead(rows(w));
            scale = f.floatTensor("head.scale").data()[0];
        }
        Path towersFile = dir.resolve(TunedClipModel.TOWERS_FILE);
        Map<String, Object> summary = Map.of("method", method, "loaded_from", dir.toString());
        if (!Files.isRegularFile(towersFile)) return new HeadModel(head, scale, summary);
        StateDict weights = new StateDict();
        for (Tensor t : base.weights().tensors()) weights.put(t);
        StateDict tuned = SafetensorsFile.readAll(towersFile);
        for (Tensor t : tuned.tensors()) {
            if (!weights.contains(t.name())) {
                throw new IOException(towersFile + ": tensor " + t.name() + " is not part of the base model");
            }
            weights.put(t);
        }
        ClipModel model;
        try {
            model = ClipModelFactory.fromStateDict(base.config(), weights, base.device());
        } catch (IllegalArgumentException e) {
            throw new IOException(towersFile + ": does not fit the base model (" + e.getMessage() + ")", e);
        }
        return new TunedClipModel(method, model, head, scale, images, base.decodeThreads(), summary,
                method.equals("ft") ? ClipModel::imageTowerParameters : ClipModel::towerParameters);
    }

    private static float[][] rows(Tensor t) {
        int r = (int) t.shape()[0];
        int c = (int) t.shape()[1];
        float[][] out = new float[r][c];
        for (int i = 0; i < r; i++) System.arraycopy(t.data(), i * c, out[i], 0, c);
        return out;
    }
}
