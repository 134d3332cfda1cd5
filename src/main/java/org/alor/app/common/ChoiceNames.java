package org.alor.app.common;

import org.alor.loop.Method;

import java.util.Locale;
import java.util.Map;

/**
 * What the methods and selection strategies are called and do, in one line each (facts of docs/ALOR.md), for the
 * Runs form's lists and the charts' round names.
 */
public final class ChoiceNames {
    /** "CT", "contrastive tuning", "fine-tunes both towers …". */
    public record Note(String shortName, String fullName, String what) {
        /** "CT — contrastive tuning: fine-tunes both towers …" (a list row). */
        public String line() {
            return shortName + " — " + fullName + ": " + what;
        }

        /** "CT — contrastive tuning" (the chosen value in a closed list). */
        public String title() {
            return shortName + " — " + fullName;
        }

        /** "contrastive tuning: fine-tunes both towers …" (the note under a list). */
        public String note() {
            return fullName + ": " + what;
        }
    }

    private static final Map<Method, Note> METHODS = Map.of(
            Method.ZS, new Note("ZS", "zero-shot", "classifies with the class-name prompts alone; nothing trains"),
            Method.LP, new Note("LP", "linear probing", "the image tower stays frozen; only a linear head on its features trains (fast)"),
            Method.FT, new Note("FT", "fine-tuning", "trains the image tower and a head with cross-entropy; the text tower stays frozen"),
            Method.CT, new Note("CT", "contrastive tuning",
                    "fine-tunes both towers on image–caption pairs, as CLIP was pretrained (the paper's best)"),
            Method.PT, new Note("PT", "prompt tuning (CoOp)", "both towers stay frozen; learns 16 context vectors per class in the prompt"));

    private static final Map<String, Note> STRATEGIES = Map.of(
            "random", new Note("Random", "random sampling", "picks pool images uniformly at random (the baseline)"),
            "entropy", new Note("Entropy", "most uncertain first", "picks the images the model is least sure about (highest entropy)"),
            "tfs", new Note("TFS", "Tail First Sampling",
                    "picks images predicted as the classes with the fewest labels+retrieved (ALOR's)"),
            "coreset", new Note("Coreset", "k-center greedy", "picks the images farthest from everything already in the training set"),
            "badge", new Note("BADGE", "gradient embeddings", "picks uncertain and diverse images (k-means++ on gradient embeddings)"),
            "pcb", new Note("PCB", "PCB + BADGE", "BADGE proposes 10 % of the pool; from it, picks for the classes with the fewest images first"),
            "logo", new Note("LoGo", "local and global", "one cluster per class over the pool; takes each cluster's least certain image"),
            "alfamix", new Note("ALFA-Mix", "feature mixing", "picks images whose prediction flips when mixed towards a labeled class's mean"));

    private ChoiceNames() {
    }

    public static Note method(Method m) {
        return METHODS.get(m);
    }

    /** The strategy's note; a name this list does not know stands for itself. */
    public static Note strategy(String name) {
        Note n = name == null ? null : STRATEGIES.get(name.toLowerCase(Locale.ROOT));
        return n != null ? n : new Note(String.valueOf(name), String.valueOf(name), "");
    }

    /** "LP" for a round stored as "lp", "ZS" for "zeroshot"; an unknown name as stored. */
    public static String methodShort(String stored) {
        try {
            return method(Method.parse(stored)).shortName();
        } catch (IllegalArgumentException e) {
            return String.valueOf(stored);
        }
    }

    /** "TFS" for a round stored as "tfs". */
    public static String strategyShort(String stored) {
        return strategy(stored).shortName();
    }
}
