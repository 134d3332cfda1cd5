package org.alor.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The name people read for a class whose name comes from a folder: "erythrornis_cinereus" → "Erythrornis cinereus"
 * (a scientific name: genus capitalised, epithets in lower case), "northern_cardinal" → "Northern Cardinal" (a
 * common name, title-cased). Only names written as identifiers change (words joined by "_", or several lower-case
 * words); "dog", "n01440764", "class_3" and names already written for people stay as they are. Whether words are
 * a Latin binomial is read from their endings, the way a biologist would guess it.
 */
public final class ClassDisplayName {
    private static final List<String> GENUS_ENDINGS = List.of("us", "a", "is", "es", "er", "o", "on", "os", "ix", "ax",
            "ex", "e", "ps", "as", "um", "yx", "ys");
    private static final List<String> EPITHET_ENDINGS = List.of("us", "a", "um", "is", "i", "ae", "es", "or", "ens",
            "ans", "e", "os", "o", "ix", "ax", "ex");

    private ClassDisplayName() {
    }

    public static String fromFolder(String folder) {
        String trimmed = folder.strip();
        boolean joined = trimmed.contains("_");
        boolean lowerWords = trimmed.contains(" ") && trimmed.equals(trimmed.toLowerCase(Locale.ROOT));
        if (!joined && !lowerWords) return folder;
        List<String> words = new ArrayList<>();
        for (String w : trimmed.split("[_\\s]+")) if (!w.isEmpty()) words.add(w);
        if (words.size() < 2 || words.stream().anyMatch(w -> !w.matches("[\\p{L}'-]+"))) return folder;
        if (isBinomial(words)) {
            StringBuilder sb = new StringBuilder(capitalise(words.get(0).toLowerCase(Locale.ROOT)));
            for (String w : words.subList(1, words.size())) sb.append(' ').append(w.toLowerCase(Locale.ROOT));
            return sb.toString();
        }
        List<String> titled = new ArrayList<>();
        for (String w : words) titled.add(w.equals(w.toLowerCase(Locale.ROOT)) ? capitalise(w) : w);
        return String.join(" ", titled);
    }

    /** Two or three plain words whose endings are those of a genus and of epithets. */
    private static boolean isBinomial(List<String> words) {
        if (words.size() > 3) return false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).toLowerCase(Locale.ROOT);
            if (!w.matches("\\p{L}{3,}")) return false;
            List<String> endings = i == 0 ? GENUS_ENDINGS : EPITHET_ENDINGS;
            if (endings.stream().noneMatch(w::endsWith)) return false;
        }
        return true;
    }

    /** "black-throated" → "Black-throated": only the first letter of the word. */
    private static String capitalise(String w) {
        return w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
    }
}
