package org.alor.adapt.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The CLIP contrastive loss used by CT (FLYP) and by the tiny-CLIP pretraining (ALOR.md §5): with
 * I = normalise(image features), T = normalise(text features), row i of both belonging together,
 * L = exp(s)·I·Tᵀ and loss = ½[CE(L, diag) + CE(Lᵀ, diag)], each CE the mean over the batch. Other
 * rows are negatives even when they share a class. Normalisation is F.normalize's x / max(‖x‖, 1e-12).
 *
 * <p>Intermediate arrays land in the manager of {@code imageFeatures}. Note OpenCLIP's training
 * loop additionally clamps s to [0, ln 100] after each optimiser step; that is the caller's choice.
 */
public final class ClipContrastiveLoss {
    private ClipContrastiveLoss() {
    }

    /**
     * @param imageFeatures [n, d] image embeddings (before normalisation)
     * @param textFeatures  [n, d] text embeddings of the paired prompts
     * @param logitScale    scalar or [1] learnable log-scale s (CLIP initialises it to ln(1/0.07))
     * @return the scalar mean loss
     */
    public static NDArray loss(NDArray imageFeatures, NDArray textFeatures, NDArray logitScale) {
        Shape shape = imageFeatures.getShape();
        if (shape.dimension() != 2 || !shape.equals(textFeatures.getShape())) {
            throw new IllegalArgumentException("need image and text features of the same shape [n, d], got "
                    + shape + " and " + textFeatures.getShape());
        }
        int n = Math.toIntExact(shape.get(0));
        NDArray logits = normalised(imageFeatures).matMul(normalised(textFeatures).transpose())
                .mul(logitScale.exp().reshape(1, 1));
        NDArray diagonal = imageFeatures.getManager().eye(n).toType(logits.getDataType(), false);
        NDArray imageToText = logits.logSoftmax(1).mul(diagonal).sum().div(-n);
        NDArray textToImage = logits.logSoftmax(0).mul(diagonal).sum().div(-n);
        return imageToText.add(textToImage).div(2);
    }

    /** Rows divided by their L2 norm (at least 1e-12), like {@code F.normalize(x, dim=-1)}. */
    public static NDArray normalised(NDArray x) {
        return x.div(x.square().sum(new int[] {1}, true).sqrt().maximum(1e-12f));
    }
}
