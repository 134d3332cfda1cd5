package org.alor.adapt;

import org.alor.clip.SafetensorsWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The result of PT: the text features of the learned prompts as a head on cached image features, scaled by CLIP's
 * own logit scale. Keeps the contexts so they can be saved.
 */
public final class PromptTunedModel extends HeadModel {
    private final long[] contextShape;
    private final float[] contexts;

    PromptTunedModel(TextHead head, float scale, Map<String, Object> summary, long[] contextShape, float[] contexts) {
        super(head, scale, summary);
        this.contextShape = contextShape.clone();
        this.contexts = contexts;
    }






    /** The learned contexts [C, 16, W] ({@value SavedModels#CONTEXTS_FILE}) and the head they give. */
    @Override
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        new SafetensorsWriter().metadata("method", "pt").addFloat("prompt.contexts", contextShape, contexts)
                .write(dir.resolve(SavedModels.CONTEXTS_FILE));
        SavedModels.writeHead(dir, "pt", head, scale);
    }
}
