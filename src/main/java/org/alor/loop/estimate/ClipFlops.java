package org.alor.loop.estimate;

import org.alor.clip.ClipConfig;

/**
 * Forward floating-point operations of CLIP's towers (2 per multiply-add; matrix products only: patch embedding,
 * attention projections and scores, MLP, output projection). Used to carry a rate measured on one CLIP over to another.
 */
public final class ClipFlops {
    private ClipFlops() {
    }

    /** One image through the image tower. */
    public static double image(ClipConfig c) {
        long grid = (long) c.gridSize() * c.gridSize();
        double tokens = grid + 1;
        double patch = grid * 3.0 * c.patchSize() * c.patchSize() * c.visionWidth();
        return 2 * (patch + c.visionLayers() * block(tokens, c.visionWidth(), c.visionMlpWidth())
                + (double) c.visionWidth() * c.embedDim());
    }

    /** One token sequence (full context) through the text tower. */
    public static double text(ClipConfig c) {
        double tokens = c.contextLength();
        return 2 * (c.textLayers() * block(tokens, c.textWidth(), c.textMlpWidth()) + (double) c.textWidth() * c.embedDim());
    }

    private static double block(double tokens, int width, int mlpWidth) {
        double w = width;
        return tokens * (4 * w * w + 2 * w * mlpWidth) + 2 * tokens * tokens * w;
    }
}
