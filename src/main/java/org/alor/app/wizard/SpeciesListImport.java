package org.alor.app.wizard;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.alor.data.ClassInfo;
import org.alor.data.DatasetFormat;
import org.alor.data.DatasetFormatException;
import org.alor.data.DatasetImport;
import org.alor.data.SampleRecord;
import org.alor.data.TaxonomyCsv;
import org.alor.data.TaxonomyMatch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The classes step's "Import species list (CSV)…": matches the dataset's classes to a species list the way
 * {@code alor init --classes species.csv} does, lists every class with its species (or why it has none), and renames
 * the classes only when every one matched exactly one species; otherwise nothing changes and Next stays blocked
 * until the list is fixed or cleared.
 */
final class SpeciesListImport {
    enum Kind { MATCHED, PROBLEM, NOTE }

    /** One line of the match list. */
    record Line(String text, Kind kind) {
    }

    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty file = new SimpleStringProperty("");

    void importFrom(Path csv, DatasetImport preview, ObservableList<ClassRow> rows) {
        clear();
        file.set(csv.getFileName().toString());
        if (preview == null) {
            problem.set("Scan the dataset before importing a species list.");
            return;
        }
        List<TaxonomyCsv.Species> species;
        try {
            species = TaxonomyCsv.read(csv);
        } catch (DatasetFormatException | IOException e) {
            problem.set("Species list not read: " + e.getMessage());
            return;
        }
        TaxonomyMatch match = TaxonomyMatch.match(folderNames(preview), species);
        for (TaxonomyMatch.Row r : match.rows()) {
            if (r.matched()) {
                TaxonomyCsv.Species s = r.matches().get(0);
                lines.add(new Line(r.folder() + "  →  " + s.scientificName() + (s.commonName().isEmpty() ? "" : " (" + s.commonName() + ")"), Kind.MATCHED));
            } else if (r.matches().isEmpty()) {
                lines.add(new Line(r.folder() + "  →  no species matches", Kind.PROBLEM));
            } else {
                lines.add(new Line(r.folder() + "  →  several species: " + String.join(", ",
                        r.matches().stream().map(TaxonomyCsv.Species::scientificName).toList()), Kind.PROBLEM));
            }
        }
        for (TaxonomyCsv.Species s : match.withoutFolder()) {
            lines.add(new Line(s.scientificName() + " (line " + s.line() + "): no class folder, not added", Kind.NOTE));
        }
        List<String> problems = match.problems();
        if (!problems.isEmpty()) {
            problem.set("Species list not applied: " + String.join("; ", problems) + ".");
            return;
        }
        try {
            List<ClassInfo> classes = match.classes(csv);
            rows.setAll(classes.stream().map(ClassRow::new).toList());
        } catch (DatasetFormatException e) {
            problem.set(e.getMessage());
        }
    }

    /** The class folders of an ImageFolder preview (the classes' names otherwise), in class-id order. */
    static List<String> folderNames(DatasetImport preview) {
        List<String> names = new ArrayList<>();
        for (ClassInfo c : preview.classes()) names.add(c.name());
        if (preview.format() != DatasetFormat.IMAGE_FOLDER) return names;
        for (SampleRecord s : preview.samples()) {
            Integer label = s.trueLabel();
            int slash = s.path().indexOf('/');
            if (label != null && slash > 0 && label < names.size()) names.set(label, s.path().substring(0, slash));
        }
        return names;
    }

    void clear() {
        lines.clear();
        problem.set("");
        file.set("");
    }

    void addErrors(Map<String, String> e) {
        if (!problem.get().isEmpty()) e.put(NewProjectWizardModel.F_CLASSES, problem.get());
    }

    ObservableList<Line> lines() {
        return lines;
    }

    StringProperty problemProperty() {
        return problem;
    }

    StringProperty fileProperty() {
        return file;
    }
}
