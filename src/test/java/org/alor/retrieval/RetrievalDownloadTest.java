package org.alor.retrieval;

import com.sun.net.httpserver.HttpServer;
import org.alor.data.Split;
import org.alor.store.ProjectStore;
import org.alor.store.StoredSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A URL-only corpus (CSV) retrieved through a local server on 127.0.0.1. */
class RetrievalDownloadTest {
    @Test
    void urlOnlyCorpusIsDownloadedOncePerUrl_andARerunFetchesNothing(@TempDir Path tmp) throws Exception {
        Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            byte[] body = path.contains("small") ? TestCorpora.png(30, 30, 1) : TestCorpora.png(300, 200, path.hashCode());
            if (path.contains("gone")) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(body);
                }
            }
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Path corpus = Files.createDirectories(tmp.resolve("corpus"));
            Files.writeString(corpus.resolve("metadata.csv"), "key,caption,url\n"
                    + "a,Barn Swallow chasing a Swallowtail," + base + "both.png\n"
                    + "b,barn swallow," + base + "swallow.png\n"
                    + "c,barn swallow tiny," + base + "small.png\n"
                    + "d,BARN SWALLOW," + base + "gone.png\n"
                    + "e,swallowtail," + base + "tail.png\n");
            Path p = RetrievalJobTest.project(tmp.resolve("p"));
            RetrievalOptions o = RetrievalOptions.defaults().withDownload(
                    new DownloadOptions(4, 2, Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(2), 1, Duration.ofMillis(10), 1 << 20), 85);
            RetrievalReport r;
            try (ProjectStore s = ProjectStore.open(p)) {
                r = new RetrievalJob(s, CorpusFormat.AUTO.open(corpus, null), o).run(ScanListener.NONE);
                List<StoredSample> got = s.sampleTable().bySplit(Split.RETRIEVED);
                assertThat(got).extracting(StoredSample::trueLabel).containsExactlyInAnyOrder(0, 0, 1, 1);
                for (StoredSample x : got) {
                    assertThat(x.height()).isEqualTo(200); // 300x200 is below the 256 target: stored as is
                    assertThat(Files.isRegularFile(p.resolve(x.path()))).isTrue();
                }
            }
            assertThat(hits.get("/both.png").get()).isEqualTo(1);
            assertThat(r.kept()).containsEntry(0, 2).containsEntry(1, 2);
            assertThat(r.failures().values()).extracting(ItemStatus::label).containsExactlyInAnyOrder("too small", "http error 404");
            hits.clear();
            try (ProjectStore s = ProjectStore.open(p)) {
                RetrievalReport again = new RetrievalJob(s, CorpusFormat.AUTO.open(corpus, null), o).run(ScanListener.NONE);
                assertThat(again.added()).isZero();
                assertThat(again.removed()).isZero();
            }
            assertThat(hits).isEmpty(); // 404 and too-small are definite answers: not asked again
        } finally {
            server.stop(0);
        }
    }
}
