package org.alor.synth;

import org.alor.clip.ClipConfig;

/**
 * Settings of one tiny-CLIP pretraining run.
 *
 * @param model            the architecture (vocabulary must be CLIP's 49,408: captions use the CLIP BPE)
 * @param epochs           passes over the corpus
 * @param batchSize        pairs per step (also the number of negatives + 1 of the contrastive loss)
 * @param seed             weight init, shuffling and augmentation
 * @param learningRate     peak AdamW rate of every group
 * @param weightDecay      AdamW decay of the matrices (biases, LayerNorms, embeddings, logit_scale: 0)
 * @param warmupIterations linear warm-up steps before the cosine decay to 0
 * @param cropScaleMin     RandomResizedCrop lower area fraction (upper 1.0; flip p = 0.5)
 */
public record PretrainOptions(ClipConfig model, int epochs, int batchSize, long seed, double learningRate,
                              double weightDecay, int warmupIterations, double cropScaleMin) {
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    public static final double DEFAULT_WEIGHT_DECAY = 0.1;
    public static final int DEFAULT_WARMUP = 50;
    public static final double DEFAULT_CROP_SCALE_MIN = 0.8;

    public PretrainOptions {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (batchSize < 2) throw new IllegalArgumentException("batch must be >= 2 (contrastive loss needs negatives), got " + batchSize);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        if (warmupIterations < 0) throw new IllegalArgumentException("warm-up must be >= 0, got " + warmupIterations);
        if (!(cropScaleMin > 0 && cropScaleMin <= 1)) {
            throw new IllegalArgumentException("crop scale must be in (0, 1], got " + cropScaleMin);
        }
        if (model.vocabSize() != 49_408) {
            throw new IllegalArgumentException("vocabulary must be CLIP's 49408 tokens (captions use the CLIP BPE), got "
                    + model.vocabSize());
        }
    }

    /**
     * A tiny ViT CLIP: patch-token vision tower and causal text tower, MLP ratio 4, exact GELU, CLIP
     * mean/std, CLIP vocabulary.
     */
    public static ClipConfig tinyClip(int embedDim, int imageSize, int patchSize, int visionWidth, int visionLayers,
                                      int visionHeadWidth, int contextLength, int textWidth, int textHeads,
                                      int textLayers) {
        if (imageSize % patchSize != 0) {
            throw new IllegalArgumentException("image size " + imageSize + " is not a multiple of patch size " + patchSize);
        }
        if (visionWidth % visionHeadWidth != 0) {
            throw new IllegalArgumentException("vision width " + visionWidth + " is not a multiple of head width "
                    + visionHeadWidth);
        }
        if (textWidth % textHeads != 0) {
            throw new IllegalArgumentException("text width " + textWidth + " is not a multiple of " + textHeads + " heads");
        }
        if (contextLength < 3) throw new IllegalArgumentException("context length must be >= 3, got " + contextLength);
        return new ClipConfig(embedDim, false, imageSize, patchSize, visionWidth, visionLayers, visionHeadWidth, 4.0,
                contextLength, 49_408, textWidth, textHeads, textLayers, ClipConfig.CLIP_MEAN, ClipConfig.CLIP_STD);
    }
}
