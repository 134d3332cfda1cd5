package org.alor.retrieval;

import org.alor.store.ProjectStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18 item 2: retrieval from a corpus it cannot read fails naming the shard or file, and removes nothing
 * (rows, image files, synonym counts) that an earlier retrieval kept.
 */
class UnreadableCorpusTest {
    @TempDir
    Path tmp;
    Path project;
    String before;
    long imagesBefore;

    @BeforeEach
    void projectWithRetrievedImages() throws Exception {
        Path corpus = RetrievalJobTest.corpus(tmp.resolve("good"), 120, 60);
        project = RetrievalJobTest.project(tmp.resolve("p"));
        RetrievalReport first = RetrievalJobTest.run(project, corpus, RetrievalOptions.defaults().withPerClass(3));
        assertThat(first.added()).isEqualTo(15);
        before = RetrievalJobTest.snapshot(project);
        imagesBefore = images();
    }

    private long images() throws IOException {
        try (Stream<Path> s = Files.walk(project.resolve("retrieval/images"))) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private void runFails(CorpusReader corpus, String... messageParts) {
        try (ProjectStore s = ProjectStore.open(project)) {
            assertThatThrownBy(() -> new RetrievalJob(s, corpus, RetrievalOptions.defaults().withPerClass(3)).run(ScanListener.NONE))
                    .isInstanceOf(IOException.class).hasMessageContainingAll(messageParts);
        }
        assertThat(RetrievalJobTest.snapshot(project)).isEqualTo(before);
        try {
            assertThat(images()).isEqualTo(imagesBefore);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(18).nextBytes(b);
        return b;
    }

    @Test
    void randomBytesAsAParquetTable() throws Exception {
        Path file = Files.write(tmp.resolve("x.parquet"), random(4096));
        runFails(new TableCorpus(file, TableCorpus.Kind.PARQUET, null), "x.parquet", "nothing changed");
    }

    @Test
    void randomBytesAsATarShard() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("garbage"));
        Files.write(dir.resolve("shard-0.tar"), random(4096));
        runFails(new WebDatasetCorpus(dir), "shard-0.tar", "nothing changed");
    }

    @Test
    void oneGarbageShardAmongGoodOnes() throws Exception {
        Path dir = RetrievalJobTest.corpus(tmp.resolve("mixed"), 120, 60);
        Files.write(dir.resolve("shard-00001.tar"), random(4096));
        runFails(new WebDatasetCorpus(dir), "shard-00001.tar");
    }

    @Test
    void aTarOfZerosHoldsNoCaptions() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("zeros"));
        Files.write(dir.resolve("empty.tar"), new byte[4096]);
        runFails(new WebDatasetCorpus(dir), "no caption read", "empty.tar", "nothing changed");
    }

    @Test
    void csvWithOneUnterminatedQuoteNamesFileAndLine() throws Exception {
        Path csv = tmp.resolve("broken.csv");
        Files.writeString(csv, "key,caption,url\n1,a Barn Swallow,http://h/1\n2,\"a Swallowtail,http://h/2\n3,Hirundo rustica,http://h/3\n");
        runFails(new TableCorpus(csv, TableCorpus.Kind.CSV, null), "broken.csv:3", "quote");
    }
}
