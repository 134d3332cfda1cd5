package org.alor.app.wizard;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.alor.data.ClassInfo;

import java.util.LinkedHashMap;
import java.util.Map;

/** One editable row of the wizard's classes table; synonyms as "a | b | c". */
public final class ClassRow {
    private final int id;
    private final StringProperty name = new SimpleStringProperty();
    private final StringProperty commonName = new SimpleStringProperty();
    private final StringProperty synonyms = new SimpleStringProperty();
    private final Map<String, Integer> counts;

    ClassRow(ClassInfo c) {
        id = c.id();
        name.set(c.name());
        commonName.set(c.mostCommonName());
        synonyms.set(String.join(" | ", c.synonyms().keySet()));
        counts = c.synonyms();
    }

    public int id() {
        return id;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty commonNameProperty() {
        return commonName;
    }

    public StringProperty synonymsProperty() {
        return synonyms;
    }

    ClassInfo toClassInfo() {
        Map<String, Integer> syn = new LinkedHashMap<>();
        for (String s : synonyms.get() == null ? new String[0] : synonyms.get().split("\\|")) {
            String t = s.strip();
            if (!t.isEmpty()) syn.put(t, counts.getOrDefault(t, 0));
        }
        String n = name.get() == null ? "" : name.get().strip();
        if (!n.isEmpty()) syn.putIfAbsent(n, counts.getOrDefault(n, 0));
        String common = commonName.get() == null || commonName.get().isBlank() ? n : commonName.get().strip();
        return new ClassInfo(id, n, common, syn);
    }
}
