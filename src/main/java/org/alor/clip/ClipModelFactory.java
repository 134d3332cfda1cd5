package org.alor.clip;

import ai.djl.Device;

import java.io.IOException;
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
     * Loads any checkpoint {@link CheckpointLoader} understands (OpenCLIP folder or file, torch zip,
     * Hugging Face layout or hub cache) onto {@code device}.
     */
    public static ClipModel load(Path checkpoint, Device device) throws IOException {
        return fromLoaded(CheckpointLoader.load(checkpoint), device);
    }

    /** A model from an already loaded (and validated) checkpoint. */
    public static ClipModel fromLoaded(LoadedCheckpoint checkpoint, Device device) throws IOException {
        try {
            return fromStateDict(checkpoint.config(), checkpoint.weights(), device);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(checkpoint.source() + ": " + e.getMessage());
        }
    }

    /** OpenCLIP ViT-B-32-quickgelu: embed 512, 224 px, patch 32, width 768 × 12 layers, text 77/49408/512/8/12. */
    public static ClipConfig vitB32QuickGelu() {
        return new ClipConfig(512, true, 224, 32, 768, 12, 64, 4.0, 77, 49408, 512, 8, 12,
                ClipConfig.CLIP_MEAN.clone(), ClipConfig.CLIP_STD.clone());
    }
}
