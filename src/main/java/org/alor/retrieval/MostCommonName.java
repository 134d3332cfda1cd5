package org.alor.retrieval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * docs/method.md §6.2: start from the class {@code name}; scan synonyms by count, highest first (ties: listed order);
 * replace the current choice by a synonym with a strictly higher count than the current choice when the
 * synonym's word set equals the name's word set, or is not a subset of it. (A synonym made of a part of the name,
 * e.g. "Gull" for "Ross's Gull", is too generic to stand for the class.) Word sets use {@link CaptionTokenizer}.
 */
public final class MostCommonName {
    private MostCommonName() {
    }

    public static String choose(String name, Map<String, Integer> counts) {
        Set<String> nameWords = new HashSet<>(CaptionTokenizer.tokens(name));
        String current = name;
        int currentCount = counts.getOrDefault(name, 0);
        List<Map.Entry<String, Integer>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
        for (Map.Entry<String, Integer> e : byCount) {
            if (e.getValue() <= currentCount) continue;
            Set<String> words = new HashSet<>(CaptionTokenizer.tokens(e.getKey()));
            if (words.equals(nameWords) || !nameWords.containsAll(words)) {
                current = e.getKey();
                currentCount = e.getValue();
            }
        }
        return current;
    }
}
