package org.alor.synth;

import java.util.List;

/**
 * One image–caption pair of the open corpus.
 *
 * @param key            webdataset key, 9 digits
 * @param caption        the caption text
 * @param url            a fake, never-resolvable URL (".invalid" domain)
 * @param speciesId      the species in the image (hidden truth), -1 for a non-bird image
 * @param distractor     the kind of non-bird picture, null for birds
 * @param namesMentioned canonical names the caption was written with (full names, a genus or a
 *                       common name's last word), in order; empty for nameless captions
 * @param imageSeed      seed of the picture
 */
public record CorpusPair(String key, String caption, String url, int speciesId, SceneRenderer.Distractor distractor,
                         List<String> namesMentioned, long imageSeed) {
}
