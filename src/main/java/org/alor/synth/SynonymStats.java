package org.alor.synth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-class synonym statistics over a list of captions (ALOR.md §6.2): captions matching each
 * synonym, distinct captions matching any synonym, and the most common name.
 *
 * @param name           the class name (scientific)
 * @param alternates     synonym → number of matching captions, in the given synonym order
 * @param mostCommonName the §6.2 choice
 * @param actualFreq     distinct captions matching at least one synonym
 */
public record SynonymStats(String name, Map<String, Integer> alternates, String mostCommonName, int actualFreq) {

    public static SynonymStats count(String name, List<String> synonyms, List<List<String>> captionTokens) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<Integer> distinct = new HashSet<>();
        for (String s : synonyms) {
            List<String> phrase = CaptionMatcher.tokens(s);
            int n = 0;
            for (int i = 0; i < captionTokens.size(); i++) {
                if (CaptionMatcher.containsPhrase(captionTokens.get(i), phrase)) {
                    n++;
                    distinct.add(i);
                }
            }
            counts.merge(s, n, Math::max);
        }
        return new SynonymStats(name, counts, mostCommonName(name, counts), distinct.size());
    }

    /**
     * Start from {@code name}; visit synonyms by count descending (ties: given order) and switch to
     * one that is more frequent than the current choice when its word set equals the name's word
     * set or is not a subset of it (so a bare genus or a single word of the name never wins).
     */
    public static String mostCommonName(String name, Map<String, Integer> counts) {
        Set<String> nameWords = new HashSet<>(CaptionMatcher.tokens(name));
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
        String current = name;
        int currentCount = counts.getOrDefault(name, 0);
        for (Map.Entry<String, Integer> e : sorted) {
            Set<String> words = new HashSet<>(CaptionMatcher.tokens(e.getKey()));
            boolean eligible = words.equals(nameWords) || !nameWords.containsAll(words);
            if (eligible && e.getValue() > currentCount) {
                current = e.getKey();
                currentCount = e.getValue();
            }
        }
        return current;
    }
}
