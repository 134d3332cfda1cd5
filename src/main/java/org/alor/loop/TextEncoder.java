package org.alor.loop;

import java.util.List;

/** Text embeddings of prompts (CLIP text tower). Thread-safe. */
@FunctionalInterface
public interface TextEncoder {
    /** One (unnormalised) embedding per prompt, same order. */
    float[][] encode(List<String> prompts);
}
