package org.alor.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds and reads class definitions: metadata JSON ({@code *.json}), a {@link TaxonomyCsv species list} ({@code *.csv})
 * or a plain class list (anything else).
 */
public final class ClassFiles {
    /** Default name of a plain class list. */
    public static final String CLASS_LIST_NAME = "classes.txt";

    private ClassFiles() {
    }

    /** Reads a class file, choosing the parser by extension ({@code .json} = metadata JSON, {@code .csv} = species list). */
    public static List<ClassInfo> read(Path file) throws IOException, DatasetFormatException {
        if (!Files.isRegularFile(file)) throw new DatasetFormatException(file, "class file not found");
        if (TaxonomyCsv.isSpeciesList(file)) return TaxonomyCsv.readClasses(file);
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? ClassMetadataJson.read(file) : ClassListFile.read(file);
    }

    /**
     * Looks for a class file in the given folders, in order: a single {@code *metrics*.json}, then {@code classes.json},
     * then {@code classes.txt}. Returns null when none exists.
     *
     * @throws DatasetFormatException when several metrics JSON files make the choice ambiguous
     */
    public static Path find(List<Path> folders) throws IOException, DatasetFormatException {
        for (Path dir : folders) {
            if (!Files.isDirectory(dir)) continue;
            List<Path> metrics = new ArrayList<>();
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(Files::isRegularFile).filter(p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return n.endsWith(".json") && n.contains("metrics");
                }).sorted().forEach(metrics::add);
            }
            if (metrics.size() > 1) {
                throw new DatasetFormatException(dir, "several class metadata files " + metrics.stream()
                        .map(p -> p.getFileName().toString()).toList() + "; name the one to use explicitly");
            }
            if (metrics.size() == 1) return metrics.get(0);
            for (String name : List.of("classes.json", CLASS_LIST_NAME)) {
                if (Files.isRegularFile(dir.resolve(name))) return dir.resolve(name);
            }
        }
        return null;
    }
}
