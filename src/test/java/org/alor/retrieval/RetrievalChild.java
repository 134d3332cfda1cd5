package org.alor.retrieval;

import org.alor.store.ProjectStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Child-JVM entry point: runs retrieval on a project, slowly, printing a line per finished shard. */
public final class RetrievalChild {
    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        CorpusReader corpus = slow(new WebDatasetCorpus(Path.of(args[1])), Long.parseLong(args[2]));
        try (ProjectStore store = ProjectStore.open(project)) {
            new RetrievalJob(store, corpus, RetrievalOptions.defaults().withThreads(1).withPerClass(20)).run(new ScanListener() {
                @Override
                public void shardDone(ShardResult r, boolean resumed) {
                    System.out.println("shard-done " + r.shard());
                    System.out.flush();
                }
            });
        }
        System.out.println("finished");
    }

    /** A corpus whose shards take at least {@code millis} each. */
    static CorpusReader slow(CorpusReader in, long millis) {
        return new CorpusReader() {
            public String name() {
                return in.name();
            }

            public List<String> shards() throws IOException {
                return in.shards();
            }

            public void scan(String shard, Consumer<CaptionRecord> records, Consumer<String> warnings) throws IOException {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                in.scan(shard, records, warnings);
            }

            public boolean holdsImages() {
                return in.holdsImages();
            }

            public Optional<InputStream> openImage(String shard, String key) throws IOException {
                return in.openImage(shard, key);
            }

            public void readImages(String shard, Set<String> keys, ImageSink sink) throws IOException {
                in.readImages(shard, keys, sink);
            }
        };
    }
}
