package org.alor.retrieval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.alor.retrieval.TestCorpora.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorpusReadersTest {
    private static List<CaptionRecord> all(CorpusReader r, List<String> warnings) throws IOException {
        List<CaptionRecord> out = new ArrayList<>();
        for (String s : r.shards()) r.scan(s, out::add, warnings::add);
        return out;
    }

    @Test
    void webDatasetShardsYieldKeyCaptionUrlAndImages(@TempDir Path dir) throws IOException {
        Map<String, String> caps = new LinkedHashMap<>();
        for (int i = 0; i < 25; i++) caps.put(String.format("%05d", i), "caption " + i);
        TestCorpora.writeShards(dir, caps, 10, 16);
        WebDatasetCorpus c = new WebDatasetCorpus(dir);
        assertThat(c.shards()).containsExactly("shard-00000.tar", "shard-00001.tar", "shard-00002.tar");
        List<String> warnings = new ArrayList<>();
        List<CaptionRecord> recs = all(c, warnings);
        assertThat(warnings).isEmpty();
        assertThat(recs).hasSize(25);
        assertThat(recs.get(12)).isEqualTo(new CaptionRecord("00012", "caption 12", "http://127.0.0.1:1/00012.png", "shard-00001.tar"));
        Optional<InputStream> img = c.openImage("shard-00001.tar", "00012");
        assertThat(img).isPresent();
        try (InputStream in = img.get()) {
            assertThat(in.readAllBytes()).isEqualTo(TestCorpora.png(16, 16, 12));
        }
        assertThat(c.openImage("shard-00001.tar", "00001")).isEmpty();
        assertThat(c.records(warnings::add).toList()).isEqualTo(recs);
    }

    @Test
    void paxLongNamesAndDirectoriesInKeys(@TempDir Path dir) throws IOException {
        String longKey = "deep/" + "x".repeat(120) + "/sample";
        TestCorpora.writeTar(dir.resolve("a.tar"), List.of(
                new TestCorpora.Member(longKey + ".txt", utf8("a long one")),
                new TestCorpora.Member("short.txt", utf8("short"))));
        List<String> w = new ArrayList<>();
        List<CaptionRecord> recs = all(new WebDatasetCorpus(dir), w);
        assertThat(recs).extracting(CaptionRecord::key).containsExactly(longKey, "short");
        assertThat(w).isEmpty();
    }

    @Test
    void truncatedMemberIsSkippedWithAWarningNamingShardAndMember(@TempDir Path dir) throws IOException {
        Path tar = dir.resolve("shard-0.tar");
        TestCorpora.writeTar(tar, List.of(
                new TestCorpora.Member("a.txt", utf8("first")),
                new TestCorpora.Member("b.png", TestCorpora.png(64, 64, 1)),
                new TestCorpora.Member("b.txt", utf8("second"))));
        byte[] bytes = Files.readAllBytes(tar);
        Files.write(tar, java.util.Arrays.copyOf(bytes, 512 + 512 + 512 + 100)); // cut inside b.png
        List<String> w = new ArrayList<>();
        List<CaptionRecord> recs = all(new WebDatasetCorpus(dir), w);
        assertThat(recs).extracting(CaptionRecord::caption).containsExactly("first");
        assertThat(w).singleElement().asString().contains("shard-0.tar").contains("b.png").contains("truncated");
    }

    @Test
    void captionInAWrongEncodingIsSkippedWithAWarning(@TempDir Path dir) throws IOException {
        byte[] latin1 = "Zoë's warbler".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        TestCorpora.writeTar(dir.resolve("s.tar"), List.of(
                new TestCorpora.Member("a.txt", latin1),
                new TestCorpora.Member("a.json", utf8("{\"url\":\"http://x/a\"}")),
                new TestCorpora.Member("b.txt", utf8("fine"))));
        List<String> w = new ArrayList<>();
        List<CaptionRecord> recs = all(new WebDatasetCorpus(dir), w);
        assertThat(recs).extracting(CaptionRecord::key).containsExactly("b");
        assertThat(w).singleElement().asString().contains("s.tar").contains("a.txt").contains("UTF-8");
    }

    @Test
    void notATarFileFailsNamingTheShard(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.tar"), "this is not a tar file".repeat(40));
        List<String> w = new ArrayList<>();
        assertThatThrownBy(() -> all(new WebDatasetCorpus(dir), w)).hasMessageContaining("bad.tar").hasMessageContaining("checksum");
    }

    @Test
    void csvWithAnUnterminatedQuoteFailsNamingFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("metadata.csv"), "key,caption,url\n1,\"fine, quoted\",u\n2,\"multi\nline\",u\n4,\"open,u\n5,x,u\n");
        CorpusReader r = CorpusFormat.AUTO.open(dir, null);
        assertThatThrownBy(() -> all(r, new ArrayList<>())).hasMessageContaining("metadata.csv:5").hasMessageContaining("quote");
    }

    @Test
    void img2datasetFilesFolders(@TempDir Path dir) throws IOException {
        Path s0 = Files.createDirectories(dir.resolve("00000"));
        Path s1 = Files.createDirectories(dir.resolve("00001"));
        Files.writeString(s0.resolve("000000001.txt"), "a Barn Swallow");
        Files.writeString(s0.resolve("000000001.json"), "{\"url\":\"http://h/1.jpg\",\"caption\":\"ignored\"}");
        Files.write(s0.resolve("000000001.png"), TestCorpora.png(20, 20, 1));
        Files.writeString(s1.resolve("000010000.txt"), "second");
        Files.writeString(dir.resolve("00000_stats.json"), "{}");
        FilesCorpus c = new FilesCorpus(dir);
        assertThat(c.shards()).containsExactly("00000", "00001");
        List<String> w = new ArrayList<>();
        assertThat(all(c, w)).containsExactly(
                new CaptionRecord("000000001", "a Barn Swallow", "http://h/1.jpg", "00000"),
                new CaptionRecord("000010000", "second", null, "00001"));
        assertThat(c.openImage("00000", "000000001")).isPresent();
        assertThat(CorpusFormat.detect(dir)).isEqualTo(CorpusFormat.FILES);
    }

    @Test
    void parquetWithLaionColumnsIsStreamedThroughDuckDb(@TempDir Path dir) throws Exception {
        Path pq = dir.resolve("part-0.parquet");
        try (Connection c = TableCorpus.connect(); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT i AS SAMPLE_ID, 'http://h/' || i || '.jpg' AS URL,"
                    + " CASE WHEN i % 3 = 0 THEN 'a Barn Swallow ' || i WHEN i % 7 = 0 THEN NULL ELSE 'other ' || i END AS TEXT"
                    + " FROM range(1000) t(i)) TO " + TableCorpus.literal(pq.toString()) + " (FORMAT parquet)");
        }
        CorpusReader r = CorpusFormat.AUTO.open(dir, null);
        assertThat(r.holdsImages()).isFalse();
        List<String> w = new ArrayList<>();
        List<CaptionRecord> recs = all(r, w);
        long nulls = java.util.stream.LongStream.range(0, 1000).filter(i -> i % 3 != 0 && i % 7 == 0).count();
        assertThat(recs).hasSize((int) (1000 - nulls));
        assertThat(recs.get(0)).isEqualTo(new CaptionRecord("0", "a Barn Swallow 0", "http://h/0.jpg", "part-0.parquet"));
    }

    @Test
    void parquetMatchingScanFetchesKeysAndUrlsOfMatchesOnly_sameAsAFullScan(@TempDir Path dir) throws Exception {
        Path pq = dir.resolve("t.parquet");
        try (Connection c = TableCorpus.connect(); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT 'id-' || (i * 7) AS SAMPLE_ID, CASE WHEN i % 5 = 0 THEN NULL ELSE 'http://h/' || i END AS URL,"
                    + " CASE WHEN i % 11 = 0 THEN NULL WHEN i % 4 = 0 THEN 'Barn Swallow no ' || i ELSE 'x ' || i END AS TEXT"
                    + " FROM range(30000) t(i)) TO " + TableCorpus.literal(pq.toString()) + " (FORMAT parquet, ROW_GROUP_SIZE 4096)");
        }
        CaptionMatcher m = CaptionMatcher.build(List.of(new ClassSynonyms(0, "Barn Swallow", List.of("Barn Swallow"))));
        for (TableColumns cols : java.util.Arrays.asList(null, new TableColumns(null, "TEXT", null))) {
            CorpusReader r = new TableCorpus(pq, TableCorpus.Kind.PARQUET, cols);
            List<CaptionRecord> full = new ArrayList<>();
            r.scan("t.parquet", rec -> {
                if (m.newSession().match(rec.caption()).length > 0) full.add(rec);
            }, x -> { });
            List<CaptionRecord> fast = new ArrayList<>();
            long[] seen = {0};
            CaptionMatcher.Session s = m.newSession();
            r.scanMatching("t.parquet", cap -> {
                seen[0]++;
                return s.match(cap);
            }, (rec, refs) -> fast.add(rec), x -> { });
            assertThat(fast).isEqualTo(full);
            assertThat(fast).hasSize((int) java.util.stream.IntStream.range(0, 30000).filter(i -> i % 11 != 0 && i % 4 == 0).count());
            assertThat(seen[0]).isEqualTo(java.util.stream.IntStream.range(0, 30000).filter(i -> i % 11 != 0).count());
        }
        CaptionRecord first = new ArrayList<CaptionRecord>() {{
            new TableCorpus(pq, TableCorpus.Kind.PARQUET, null).scanMatching("t.parquet",
                    cap -> m.newSession().match(cap), (rec, refs) -> add(rec), x -> { });
        }}.get(0);
        assertThat(first).isEqualTo(new CaptionRecord("id-28", "Barn Swallow no 4", "http://h/4", "t.parquet"));
    }

    @Test
    void csvMetadataKeepsKeysAsText_andCustomColumns(@TempDir Path dir) throws Exception {
        Map<String, String> caps = new LinkedHashMap<>();
        caps.put("000000007", "a \"quoted\", comma caption");
        caps.put("000000008", "Zoë");
        TestCorpora.writeCsv(dir.resolve("metadata.csv"), caps, "http://h/");
        List<String> w = new ArrayList<>();
        List<CaptionRecord> recs = all(CorpusFormat.CSV.open(dir, null), w);
        assertThat(recs).containsExactly(
                new CaptionRecord("000000007", "a \"quoted\", comma caption", "http://h/000000007.png", "metadata.csv"),
                new CaptionRecord("000000008", "Zoë", "http://h/000000008.png", "metadata.csv"));
        Files.writeString(dir.resolve("other.csv"), "id,text\n1,hello\n");
        List<CaptionRecord> custom = new ArrayList<>();
        new TableCorpus(dir.resolve("other.csv"), TableCorpus.Kind.CSV, new TableColumns(null, "text", null))
                .scan("other.csv", custom::add, w::add);
        assertThat(custom).containsExactly(new CaptionRecord("0", "hello", null, "other.csv"));
    }

    @Test
    void missingCaptionColumnIsAClearError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("m.csv"), "a,b\n1,2\n");
        CorpusReader r = CorpusFormat.CSV.open(dir.resolve("m.csv"), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.scan("m.csv", x -> { }, x -> { }))
                .hasMessageContaining("m.csv").hasMessageContaining("no caption column");
    }

    @Test
    void readImagesTakesOnlyTheWantedKeysInOnePass(@TempDir Path dir) throws IOException {
        Map<String, String> caps = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) caps.put("k" + i, "c" + i);
        TestCorpora.writeShards(dir, caps, 6, 8);
        List<String> got = new ArrayList<>();
        new WebDatasetCorpus(dir).readImages("shard-00000.tar", Set.of("k1", "k4"), (k, b) -> got.add(k));
        assertThat(got).containsExactly("k1", "k4");
    }
}
