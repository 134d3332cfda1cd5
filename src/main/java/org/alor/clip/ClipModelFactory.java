package org.alor.clip;

import ai.djl.Device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The single place where CLIP models are built from weights (swap the folder loader for CheckpointLoader). */
public final class ClipModelFactory {
    private ClipModelFactory() {
    }

    /** A model with the given weights on {@code device}; see {@link ClipModel#loadStateDict} for the checks. */
    public static ClipModel fromStateDict(ClipConfig config, StateDict weights, Device device) {
        ClipModel model = ClipModel.empty(config, device);
        try {
            model.loadStateDict(weights);
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Loads an OpenCLIP folder holding {@code open_clip_config.json} and {@code open_clip_model.safetensors}
     * (stop-gap: the full CheckpointLoader also reads torch zips and Hugging Face layouts).
     */
    public static ClipModel loadOpenClipFolder(Path folder, Device device) throws IOException {
        Path config = folder.resolve("open_clip_config.json");
        Path weights = folder.resolve("open_clip_model.safetensors");
        for (Path p : new Path[] {config, weights}) {
            if (!Files.isRegularFile(p)) {
                throw new IOException(folder + ": missing " + p.getFileName()
                        + " (expected an OpenCLIP folder with open_clip_config.json and open_clip_model.safetensors)");
            }
        }
        ClipConfig cfg = MinimalOpenClipConfig.read(config);
        StateDict state = DjlSafetensors.readStateDict(weights);
        try {
            return fromStateDict(cfg, state, device);
        } catch (IllegalArgumentException e) {
            throw new IOException(weights + ": " + e.getMessage(), e);
        }
    }

    /** OpenCLIP ViT-B-32-quickgelu: embed 512, 224 px, patch 32, width 768 × 12 layers, text 77/49408/512/8/12. */
    public static ClipConfig vitB32QuickGelu() {
        return new ClipConfig(512, true, 224, 32, 768, 12, 64, 4.0, 77, 49408, 512, 8, 12,
                ClipConfig.CLIP_MEAN.clone(), ClipConfig.CLIP_STD.clone());
    }
}
