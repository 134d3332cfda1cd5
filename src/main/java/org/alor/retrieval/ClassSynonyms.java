package org.alor.retrieval;

import org.alor.data.ClassInfo;
import org.alor.store.ClassSynonym;
import org.alor.store.ProjectStore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The names retrieval searches for one class: its dataset {@code name} and its synonyms (docs/method.md §6.1).
 *
 * @param synonyms distinct, in order; the name itself is included when the metadata lists it
 */
public record ClassSynonyms(int classId, String name, List<String> synonyms) {
    public ClassSynonyms {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("class " + classId + " has no name");
        synonyms = List.copyOf(new LinkedHashSet<>(synonyms));
    }

    /** Synonyms of every class as stored in the project, skipping excluded ones. */
    public static List<ClassSynonyms> fromStore(ProjectStore store) {
        List<ClassSynonyms> out = new ArrayList<>();
        for (ClassInfo c : store.classTable().all()) {
            List<String> use = new ArrayList<>();
            for (ClassSynonym s : store.classTable().synonyms(c.id())) if (!s.excluded()) use.add(s.synonym());
            out.add(new ClassSynonyms(c.id(), c.name(), use));
        }
        return out;
    }

    /**
     * Replaces the project's synonym lists by those of a user-edited class list (same ids and names; e.g. a
     * metadata JSON). Exclusion flags of synonyms that remain are kept.
     *
     * @throws IllegalArgumentException when ids or names differ from the project's classes
     */
    public static void replaceInStore(ProjectStore store, List<ClassInfo> edited) {
        java.util.Map<Integer, ClassInfo> byId = new java.util.HashMap<>();
        for (ClassInfo c : edited) byId.put(c.id(), c);
        List<ClassInfo> current = store.classTable().all();
        if (byId.size() != current.size()) {
            throw new IllegalArgumentException("the synonym list has " + byId.size() + " classes, the project " + current.size());
        }
        List<ClassInfo> updated = new ArrayList<>();
        for (ClassInfo c : current) {
            ClassInfo e = byId.get(c.id());
            if (e == null) throw new IllegalArgumentException("class " + c.id() + " is missing from the synonym list");
            if (!e.name().equals(c.name())) {
                throw new IllegalArgumentException("class " + c.id() + " is '" + e.name() + "' in the synonym list but '"
                        + c.name() + "' in the project");
            }
            updated.add(new ClassInfo(c.id(), c.name(), c.mostCommonName(), e.synonyms()));
        }
        store.classTable().replace(updated);
    }

    /** Synonyms of the classes as given (e.g. a user-edited metadata file): all alternates. */
    public static List<ClassSynonyms> fromClasses(List<ClassInfo> classes) {
        List<ClassSynonyms> out = new ArrayList<>();
        for (ClassInfo c : classes) out.add(new ClassSynonyms(c.id(), c.name(), new ArrayList<>(c.synonyms().keySet())));
        return out;
    }
}
