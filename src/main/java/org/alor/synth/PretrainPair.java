package org.alor.synth;

import org.alor.clip.RgbImage;

/** One decoded image–caption pair of a pretraining corpus, with where it came from (for warnings). */
public record PretrainPair(String shard, String key, RgbImage image, String caption) {
}
