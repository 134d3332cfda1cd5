package org.alor.app.wizard;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.alor.data.ClassInfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The wizard's "Classes & synonyms" step: the classes read from the dataset, as edited; every name set and unique. */
final class ClassesStep {
    private final ObservableList<ClassRow> classes = FXCollections.observableArrayList(
            r -> new javafx.beans.Observable[]{r.nameProperty(), r.commonNameProperty(), r.synonymsProperty()});

    List<ClassInfo> classInfos() {
        List<ClassInfo> out = new ArrayList<>();
        for (ClassRow r : classes) out.add(r.toClassInfo());
        return out;
    }

    void addErrors(Map<String, String> e) {
        Set<String> seen = new HashSet<>();
        for (ClassRow r : classes) {
            String n = r.nameProperty().get() == null ? "" : r.nameProperty().get().strip();
            if (n.isEmpty()) {
                e.put(NewProjectWizardModel.F_CLASSES, "Class " + r.id() + " has no name.");
                break;
            }
            if (!seen.add(n.toLowerCase(Locale.ROOT))) {
                e.put(NewProjectWizardModel.F_CLASSES, "Two classes are named “" + n + "”.");
                break;
            }
        }
        if (classes.isEmpty()) e.put(NewProjectWizardModel.F_CLASSES, "There are no classes.");
    }

    ObservableList<ClassRow> classes() {
        return classes;
    }
}
