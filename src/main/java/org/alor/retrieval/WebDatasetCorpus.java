package org.alor.retrieval;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** webdataset / img2dataset tar shards: {@code *.tar} files holding {@code <key>.txt}, {@code <key>.json}, {@code <key>.jpg}. */
public final class WebDatasetCorpus implements CorpusReader {
    private final Path root;
    private final ShardFolder folder;

    /** @param path a folder of {@code *.tar} shards (searched recursively) or one tar file */
    public WebDatasetCorpus(Path path) throws IOException {
        this.folder = ShardFolder.find(path, ".tar");
        this.root = folder.root();
    }

    @Override
    public String name() {
        return folder.name();
    }

    @Override
    public List<String> shards() {
        return folder.shards();
    }

    @Override
    public boolean holdsImages() {
        return true;
    }

    @Override
    public void scan(String shard, Consumer<CaptionRecord> records, Consumer<String> warnings) throws IOException {
        SampleMembers sample = new SampleMembers(shard);
        boolean readAny = false; // an error before the first member: the shard is not a tar archive at all
        try (TarReader tar = open(shard)) {
            TarReader.Entry e;
            while (true) {
                String member = null;
                try {
                    e = tar.next();
                    if (e == null) break;
                    member = e.name();
                    readAny = true;
                    sample.startMember(SampleMembers.keyOf(member), records);
                    String ext = SampleMembers.extensionOf(member);
                    if (ext.equals("txt")) sample.addText(member, tar.readContent(), warnings);
                    else if (ext.equals("json")) sample.addJson(member, tar.readContent(), warnings);
                } catch (TarReader.TruncatedException ex) {
                    if (!readAny) throw new IOException(shard + ": not readable as a tar archive (" + ex.getMessage() + ")", ex);
                    warnings.accept(shard + ": " + ex.getMessage() + "; rest of the shard skipped");
                    sample.discard();
                    return;
                } catch (IOException ex) {
                    if (!readAny) throw new IOException(shard + ": not readable as a tar archive (" + ex.getMessage() + ")", ex);
                    warnings.accept(shard + ": " + (member == null ? "" : "after member " + member + ": ")
                            + ex.getMessage() + "; rest of the shard skipped");
                    sample.discard();
                    return;
                }
            }
            sample.flush(records);
        }
    }

    @Override
    public Optional<InputStream> openImage(String shard, String key) throws IOException {
        byte[][] found = new byte[1][];
        readImages(shard, Set.of(key), (k, bytes) -> found[0] = bytes);
        return found[0] == null ? Optional.empty() : Optional.of(new ByteArrayInputStream(found[0]));
    }

    /** One pass over the shard, reading only the wanted images. A damaged tail ends the pass quietly. */
    @Override
    public void readImages(String shard, Set<String> keys, ImageSink sink) throws IOException {
        boolean readAny = false; // an error before the first member: the shard is not a tar archive at all
        try (TarReader tar = open(shard)) {
            TarReader.Entry e;
            while ((e = tar.next()) != null) {
                String ext = SampleMembers.extensionOf(e.name());
                if (SampleMembers.IMAGE_EXTENSIONS.contains(ext) && keys.contains(SampleMembers.keyOf(e.name()))) {
                    sink.accept(SampleMembers.keyOf(e.name()), tar.readContent());
                }
            }
        } catch (TarReader.TruncatedException ignored) {
            // the scan already warned about this shard
        }
    }

    private TarReader open(String shard) throws IOException {
        return new TarReader(new BufferedInputStream(Files.newInputStream(root.resolve(shard)), 1 << 16));
    }
}
