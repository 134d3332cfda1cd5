package org.alor.retrieval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * docs/method.md §6.2, as the reference's {@code find_most_common_name} (RELAXED) does it: start from the class
 * {@code name} with a threshold equal to the name's own caption count (0 if it has none); scan the synonyms by
 * count, highest first (ties: listed order). Each synonym whose count exceeds the threshold raises the threshold to
 * its count, and becomes the choice when its word set equals the name's word set or is not a subset of it. A synonym
 * made of a part of the name ("lacewing" for "green lacewing") is too generic to stand for the class, yet still
 * raises the threshold, so a rarer synonym after it cannot win. Word sets use {@link CaptionTokenizer}.
 */
public final class MostCommonName {
    private MostCommonName() {
    }

    public static String choose(String name, Map<String, Integer> counts) {
        Set<String> nameWords = new HashSet<>(CaptionTokenizer.tokens(name));
        String current = name;
        int threshold = ownCount(name, counts);
        List<Map.Entry<String, Integer>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
        for (Map.Entry<String, Integer> e : byCount) {
            if (e.getValue() <= threshold) continue;
            Set<String> words = new HashSet<>(CaptionTokenizer.tokens(e.getKey()));
            if (words.equals(nameWords) || !nameWords.containsAll(words)) current = e.getKey();
            threshold = e.getValue();
        }
        return current;
    }

    /**
     * The name's caption count: its own entry, else that of a synonym with the same normalised text (the same
     * phrase to the matcher, e.g. "canada jay" for "Canada Jay"), else 0.
     */
    private static int ownCount(String name, Map<String, Integer> counts) {
        Integer exact = counts.get(name);
        if (exact != null) return exact;
        String normalised = CaptionTokenizer.normalize(name);
        int count = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (CaptionTokenizer.normalize(e.getKey()).equals(normalised)) count = Math.max(count, e.getValue());
        }
        return count;
    }
}
