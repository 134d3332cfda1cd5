package org.alor.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** img2dataset {@code files} output: shard folders ({@code 00000/}) holding {@code <key>.jpg}, {@code .txt}, {@code .json}. */
public final class FilesCorpus implements CorpusReader {
    private final Path root;
    private final List<String> shards;

    public FilesCorpus(Path root) throws IOException {
        this.root = root;
        try (Stream<Path> s = Files.list(root)) {
            this.shards = s.filter(Files::isDirectory).filter(FilesCorpus::hasCaptions)
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
        if (shards.isEmpty()) throw new IOException(root + ": no img2dataset shard folders (with .txt captions) found");
    }

    static boolean hasCaptions(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".txt"));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String name() {
        return root.getFileName() == null ? root.toString() : root.getFileName().toString();
    }

    @Override
    public List<String> shards() {
        return shards;
    }

    @Override
    public boolean holdsImages() {
        return true;
    }

    @Override
    public void scan(String shard, Consumer<CaptionRecord> records, Consumer<String> warnings) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(root.resolve(shard))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        SampleMembers sample = new SampleMembers(shard);
        for (Path f : files) {
            String member = f.getFileName().toString();
            sample.startMember(SampleMembers.keyOf(member), records);
            String ext = SampleMembers.extensionOf(member);
            try {
                if (ext.equals("txt")) sample.addText(shard + "/" + member, Files.readAllBytes(f), warnings);
                else if (ext.equals("json")) sample.addJson(shard + "/" + member, Files.readAllBytes(f), warnings);
            } catch (IOException e) {
                warnings.accept(shard + ": member " + member + ": cannot read (" + e.getMessage() + "); sample skipped");
                sample.discard();
            }
        }
        sample.flush(records);
    }

    @Override
    public Optional<InputStream> openImage(String shard, String key) throws IOException {
        for (String ext : SampleMembers.IMAGE_EXTENSIONS) {
            Path p = root.resolve(shard).resolve(key + "." + ext);
            if (Files.isRegularFile(p)) return Optional.of(Files.newInputStream(p));
        }
        return Optional.empty();
    }
}
