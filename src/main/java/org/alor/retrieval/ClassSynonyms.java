package org.alor.retrieval;

import org.alor.data.ClassInfo;
import org.alor.store.ClassSynonym;
import org.alor.store.ProjectStore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The names retrieval searches for one class: its dataset {@code name} and its synonyms (ALOR.md §6.1).
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
        for (ClassInfo c : store.classes()) {
            List<String> use = new ArrayList<>();
            for (ClassSynonym s : store.synonyms(c.id())) if (!s.excluded()) use.add(s.synonym());
            out.add(new ClassSynonyms(c.id(), c.name(), use));
        }
        return out;
    }

    /** Synonyms of the classes as given (e.g. a user-edited metadata file): all alternates. */
    public static List<ClassSynonyms> fromClasses(List<ClassInfo> classes) {
        List<ClassSynonyms> out = new ArrayList<>();
        for (ClassInfo c : classes) out.add(new ClassSynonyms(c.id(), c.name(), new ArrayList<>(c.synonyms().keySet())));
        return out;
    }
}
