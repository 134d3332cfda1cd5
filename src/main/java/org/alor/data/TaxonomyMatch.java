package org.alor.data;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which species of a {@link TaxonomyCsv species list} each class folder holds. A folder matches a species when its
 * name equals the scientific name, the common name or a synonym, ignoring letter case and treating '_', '-' and
 * spaces alike (accents count). The match is usable only when every folder matches exactly one species and no two
 * folders match the same one; species without a folder are only reported, since the folders define the classes.
 */
public final class TaxonomyMatch {
    /**
     * One class folder and the species it matched.
     *
     * @param folder  the folder name (or the class name standing for it)
     * @param matches the species whose names equal the folder's, in list order: one when matched
     */
    public record Row(String folder, List<TaxonomyCsv.Species> matches) {
        public Row {
            matches = List.copyOf(matches);
        }

        public boolean matched() {
            return matches.size() == 1;
        }
    }

    private final List<Row> rows;
    private final List<TaxonomyCsv.Species> withoutFolder;

    private TaxonomyMatch(List<Row> rows, List<TaxonomyCsv.Species> withoutFolder) {
        this.rows = List.copyOf(rows);
        this.withoutFolder = List.copyOf(withoutFolder);
    }

    /** Matches the folders (in class-id order) against the species. */
    public static TaxonomyMatch match(List<String> folders, List<TaxonomyCsv.Species> species) {
        Map<String, Set<TaxonomyCsv.Species>> byKey = new HashMap<>();
        for (TaxonomyCsv.Species s : species) {
            for (String n : s.names()) byKey.computeIfAbsent(key(n), k -> new LinkedHashSet<>()).add(s);
        }
        List<Row> rows = new ArrayList<>();
        Set<TaxonomyCsv.Species> used = new LinkedHashSet<>();
        for (String folder : folders) {
            List<TaxonomyCsv.Species> matches = new ArrayList<>(byKey.getOrDefault(key(folder), Set.of()));
            rows.add(new Row(folder, matches));
            used.addAll(matches);
        }
        List<TaxonomyCsv.Species> withoutFolder = species.stream().filter(s -> !used.contains(s)).toList();
        return new TaxonomyMatch(rows, withoutFolder);
    }

    /** The comparison form of a name: NFC, lower case, runs of '_', '-' and white space as one space, trimmed. */
    public static String key(String name) {
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return nfc.replaceAll("[_\\-\\s]+", " ").strip();
    }

    public List<Row> rows() {
        return rows;
    }

    /** Species of the list that no folder matched (reported, not added). */
    public List<TaxonomyCsv.Species> withoutFolder() {
        return withoutFolder;
    }

    public List<String> unmatchedFolders() {
        return rows.stream().filter(r -> r.matches().isEmpty()).map(Row::folder).toList();
    }

    /** Folders that matched several species, as "folder (species A, species B)". */
    public List<String> ambiguousFolders() {
        return rows.stream().filter(r -> r.matches().size() > 1).map(r -> r.folder() + " ("
                + String.join(", ", r.matches().stream().map(TaxonomyCsv.Species::scientificName).toList()) + ")").toList();
    }

    /** Species matched by several folders, as "species (folder a, folder b)". */
    public List<String> sharedSpecies() {
        Map<TaxonomyCsv.Species, List<String>> folders = new LinkedHashMap<>();
        for (Row r : rows) if (r.matched()) folders.computeIfAbsent(r.matches().get(0), k -> new ArrayList<>()).add(r.folder());
        List<String> out = new ArrayList<>();
        folders.forEach((s, f) -> {
            if (f.size() > 1) out.add(s.scientificName() + " (" + String.join(", ", f) + ")");
        });
        return out;
    }

    /** Every reason the match cannot be used, one sentence each; empty when it can. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (!unmatchedFolders().isEmpty()) p.add("folders matching no species: " + String.join(", ", unmatchedFolders()));
        if (!ambiguousFolders().isEmpty()) p.add("folders matching several species: " + String.join("; ", ambiguousFolders()));
        if (!sharedSpecies().isEmpty()) p.add("species matched by several folders: " + String.join("; ", sharedSpecies()));
        return p;
    }

    /** The classes, one per folder in order (ids 0..), named from the matched species. */
    public List<ClassInfo> classes(Path speciesList) throws DatasetFormatException {
        List<String> problems = problems();
        if (!problems.isEmpty()) throw new DatasetFormatException(speciesList, String.join("; ", problems));
        List<ClassInfo> classes = new ArrayList<>();
        for (Row r : rows) classes.add(r.matches().get(0).toClassInfo(classes.size()));
        return classes;
    }

    /** One warning per species without a folder, naming its line. */
    public List<ImportProblem> warnings(Path speciesList) {
        String origin = speciesList.getFileName().toString();
        return withoutFolder.stream().map(s -> new ImportProblem(origin, "line " + s.line() + ": species '"
                + s.scientificName() + "' has no class folder, not added")).toList();
    }
}
