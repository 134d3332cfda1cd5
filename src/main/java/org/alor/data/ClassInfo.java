package org.alor.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One class of the task.
 *
 * @param id             0-based class id, as in the reference split files
 * @param name           the dataset's name for the class (Semi-Aves: the scientific name)
 * @param mostCommonName the synonym most often used in the open corpus (docs/method.md §6.2), or {@code name}
 * @param synonyms       synonym → number of corpus captions matching it (0 when not counted yet), in order
 */
public record ClassInfo(int id, String name, String mostCommonName, Map<String, Integer> synonyms) {
    public ClassInfo {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("class " + id + " has no name");
        if (mostCommonName == null || mostCommonName.isBlank()) mostCommonName = name;
        synonyms = Collections.unmodifiableMap(new LinkedHashMap<>(synonyms == null ? Map.of() : synonyms));
    }

    /** A class known only by its name. */
    public static ClassInfo named(int id, String name) {
        Map<String, Integer> syn = new LinkedHashMap<>();
        syn.put(name, 0);
        return new ClassInfo(id, name, name, syn);
    }
}
