package org.alor.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which reference split file holds which split. {@link #locate} looks in {@code <root>/splits/} first, then in
 * {@code <root>}; the first of these folders holding any split file is used. Names tried, first match wins:
 * pool: {@code pool.txt}, {@code ltrain.txt}, {@code train.txt}; val: {@code val.txt}; test: {@code test.txt};
 * retrieved: {@code retrieved.txt}, {@code retrieved_data.txt}.
 */
public record SplitFileSet(Map<Split, Path> files) {
    static final Map<Split, List<String>> NAMES = Map.of(
            Split.POOL, List.of("pool.txt", "ltrain.txt", "train.txt"),
            Split.VAL, List.of("val.txt"),
            Split.TEST, List.of("test.txt"),
            Split.RETRIEVED, List.of("retrieved.txt", "retrieved_data.txt"));

    public SplitFileSet {
        files = Collections.unmodifiableMap(new EnumMap<>(files.isEmpty() ? new EnumMap<>(Split.class) : files));
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** The folders searched for split and class files, in order. */
    public static List<Path> searchFolders(Path root) {
        return List.of(root.resolve("splits"), root);
    }

    /** Finds the split files under the root by the naming rules above; empty when there are none. */
    public static SplitFileSet locate(Path root) {
        for (Path dir : searchFolders(root)) {
            Map<Split, Path> found = new EnumMap<>(Split.class);
            for (Split split : Split.values()) {
                for (String name : NAMES.get(split)) {
                    Path f = dir.resolve(name);
                    if (Files.isRegularFile(f)) {
                        found.put(split, f);
                        break;
                    }
                }
            }
            if (!found.isEmpty()) return new SplitFileSet(found);
        }
        return new SplitFileSet(Map.of());
    }
}
