package org.alor.loop.estimate;

import org.alor.clip.ClipConfig;
import org.alor.data.Split;
import org.alor.store.ClassSynonym;
import org.alor.store.LabelKind;
import org.alor.store.ProjectStore;
import org.alor.store.StoreException;

import java.util.Map;

/**
 * What an estimate scales with: the project's class and image counts, the captions retrieval ranks and the shape of
 * its CLIP.
 *
 * @param labeled         pool images labeled now
 * @param retrieved       retrieved images in the store (0 before retrieval)
 * @param matchedCaptions captions of the corpus that matched a class (what ranking encodes); -1 when not known
 */
public record ProjectSizes(int classes, int pool, int val, int test, int retrieved, int labeled, long matchedCaptions,
                           ClipConfig clip) {
    public ProjectSizes {
        if (classes < 1) throw new IllegalArgumentException("the project has no classes");
        if (pool < 0 || val < 0 || test < 0 || retrieved < 0 || labeled < 0) {
            throw new IllegalArgumentException("image counts must not be negative");
        }
    }

    /** Images embedding encodes: every pool, val, test and retrieved image. */
    public long imagesToEmbed() {
        return (long) pool + val + test + retrieved;
    }

    /** Reads the counts of {@code store}; {@code clip} is the shape of the project's checkpoint. */
    public static ProjectSizes read(ProjectStore store, ClipConfig clip) {
        Map<Split, Integer> counts = store.sampleTable().countsBySplit();
        int classes = store.classTable().all().size();
        int labeled = (int) store.labelLog().current().values().stream().filter(s -> s.kind() == LabelKind.LABEL).count();
        return new ProjectSizes(classes, counts.getOrDefault(Split.POOL, 0), counts.getOrDefault(Split.VAL, 0),
                counts.getOrDefault(Split.TEST, 0), counts.getOrDefault(Split.RETRIEVED, 0), labeled,
                matchedCaptions(store), clip);
    }

    /** The corpus caption counts of the classes' synonyms in use (written by a retrieval scan), -1 when none is. */
    private static long matchedCaptions(ProjectStore store) {
        long sum = 0;
        boolean any = false;
        try {
            for (var c : store.classTable().all()) {
                for (ClassSynonym s : store.classTable().synonyms(c.id())) {
                    if (s.excluded() || s.corpusCount() <= 0) continue;
                    sum += s.corpusCount();
                    any = true;
                }
            }
        } catch (StoreException e) {
            return -1;
        }
        return any ? sum : -1;
    }
}
