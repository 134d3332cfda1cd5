package org.alor.retrieval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Where a corpus's shards are: a root folder and the shard names below it, sorted. */
record ShardFolder(Path root, List<String> shards) {

    /**
     * @param path      one shard file, or a folder searched recursively for files ending in {@code extension}
     * @param extension e.g. {@code ".tar"}, compared case-insensitively
     */
    static ShardFolder find(Path path, String extension) throws IOException {
        if (Files.isRegularFile(path)) {
            return new ShardFolder(path.toAbsolutePath().getParent(), List.of(path.getFileName().toString()));
        }
        List<String> shards;
        try (Stream<Path> s = Files.walk(path)) {
            shards = s.filter(p -> Files.isRegularFile(p)
                            && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension))
                    .map(p -> path.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        if (shards.isEmpty()) throw new IOException(path + ": no " + extension + " files found");
        return new ShardFolder(path, shards);
    }

    /** The corpus's display name: its folder's name. */
    String name() {
        return root.getFileName() == null ? root.toString() : root.getFileName().toString();
    }
}
