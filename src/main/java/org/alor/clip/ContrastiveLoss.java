package org.alor.clip;

import ai.djl.ndarray.NDArray;

/**
 * The symmetric CLIP/FLYP contrastive loss for a batch of matching (image, text) pairs:
 * {@code L = exp(s)·normalise(I)·normalise(T)ᵀ}, {@code loss = ½[CE(L, diag) + CE(Lᵀ, diag)]}, each
 * cross-entropy a mean over the batch. Row i's positive is column i only: same-class pairs elsewhere in the
 * batch count as negatives. Differentiable w.r.t. both embeddings and the log-scale.
 */
public final class ContrastiveLoss {
    private ContrastiveLoss() {
    }

    /**
     * @param imageEmbeds [B, E] unnormalised
     * @param textEmbeds  [B, E] unnormalised, row i the text of image i
     * @param logScale    the temperature parameter s (shape [] or [1]); CT uses its own, initialised to ln(1/0.07)
     * @return a scalar loss on {@code imageEmbeds}' manager
     */
    public static NDArray compute(NDArray imageEmbeds, NDArray textEmbeds, NDArray logScale) {
        long batch = imageEmbeds.getShape().get(0);
        if (textEmbeds.getShape().get(0) != batch) {
            throw new IllegalArgumentException("contrastive loss needs as many texts as images, got "
                    + textEmbeds.getShape().get(0) + " texts for " + batch + " images");
        }
        NDArray logits = ClipModel.scaledCosineLogits(imageEmbeds, textEmbeds, logScale);
        NDArray diagonal = logits.getManager().eye((int) batch);
        NDArray imageToText = Scalars.dividedBy(logits.logSoftmax(1).mul(diagonal).sum(), -batch);
        NDArray textToImage = Scalars.dividedBy(logits.logSoftmax(0).mul(diagonal).sum(), -batch);
        return Scalars.times(imageToText.add(textToImage), 0.5f);
    }
}
