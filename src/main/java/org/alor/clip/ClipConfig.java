package org.alor.clip;

/**
 * The shape of a CLIP model (OpenAI/OpenCLIP ViT): everything needed to build the towers.
 *
 * @param embedDim         joint embedding size (output of {@code visual.proj} / {@code text_projection})
 * @param quickGelu        QuickGELU (x·σ(1.702x)) in the MLPs when true, exact GELU otherwise
 * @param imageSize        input resolution S (images are S×S)
 * @param patchSize        ViT patch size
 * @param visionWidth      vision transformer width
 * @param visionLayers     vision transformer depth
 * @param visionHeadWidth  width of one vision attention head (heads = width / headWidth)
 * @param mlpRatio         MLP hidden size = width × mlpRatio (4 in CLIP)
 * @param contextLength    text context length (77 in CLIP)
 * @param vocabSize        token vocabulary size (49,408 in CLIP)
 * @param textWidth        text transformer width
 * @param textHeads        text attention heads
 * @param textLayers       text transformer depth
 * @param mean             per-channel normalisation mean (RGB)
 * @param std              per-channel normalisation std (RGB)
 */
public record ClipConfig(int embedDim, boolean quickGelu,
                         int imageSize, int patchSize, int visionWidth, int visionLayers, int visionHeadWidth,
                         double mlpRatio,
                         int contextLength, int vocabSize, int textWidth, int textHeads, int textLayers,
                         float[] mean, float[] std) {

    public static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    public static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};

    public int visionHeads() {
        return visionWidth / visionHeadWidth;
    }

    public int gridSize() {
        return imageSize / patchSize;
    }

    public int visionMlpWidth() {
        return (int) Math.round(visionWidth * mlpRatio);
    }

    public int textMlpWidth() {
        return (int) Math.round(textWidth * mlpRatio);
    }
}
