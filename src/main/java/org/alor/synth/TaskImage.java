package org.alor.synth;

/**
 * One image of the task dataset.
 *
 * @param split     "pool", "val" or "test"
 * @param classId   species id
 * @param index     index within (split, class)
 * @param path      relative path, e.g. {@code images/pool/ptilornis_rufus/3.png}
 * @param seed      rendering seed (streams disjoint from the corpus')
 */
public record TaskImage(String split, int classId, int index, String path, long seed) {
}
