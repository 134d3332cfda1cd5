package org.alor.retrieval;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Caption matching at scale: 2,000,000 generated captions in Parquet (LAION columns), 200 classes × 3 synonyms.
 * Times the matcher alone, the end-to-end scan through DuckDB, and DuckDB's own {@code regexp_matches} doing the
 * same phrase match (one alternation regex over the normalised caption). Not part of {@code mvn test}; run:
 * {@code mvn -o test -Dalor.excludedGroups=none -Dgroups=benchmark -Dtest=MatchBenchmark}
 * or as a program on the test class path.
 */
@Tag("benchmark")
class MatchBenchmark {
    static final int ROWS = Integer.getInteger("alor.bench.rows", 2_000_000);

    public static void main(String[] args) throws Exception {
        new MatchBenchmark().twoMillionCaptions();
    }

    @Test
    void twoMillionCaptions() throws Exception {
        Random r = new Random(11);
        String[] syll = {"ka", "lo", "mi", "ra", "to", "vu", "ne", "si", "po", "da", "re", "lu", "fa", "ti", "gor", "bel"};
        String[] adj = {"Ashy", "Rosy", "Slate", "Barred", "Spotted", "Crimson", "Ivory", "Sooty", "Long", "Pale", "Teal", "Indigo"};
        String[] part = {"headed", "winged", "billed", "crested", "tailed", "throated", "backed", "breasted"};
        String[] bird = {"Tit", "Thrush", "Kite", "Gull", "Warbler", "Sunbird", "Martin", "Flycatcher", "Swallow", "Wren"};
        List<ClassSynonyms> classes = new ArrayList<>();
        List<String> allSyn = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            String sci = cap(word(r, syll, 3)) + " " + word(r, syll, 3);
            String common = adj[r.nextInt(adj.length)] + "-" + part[r.nextInt(part.length)] + " " + bird[r.nextInt(bird.length)];
            String alt = adj[r.nextInt(adj.length)] + " " + bird[r.nextInt(bird.length)] + " " + c;
            classes.add(new ClassSynonyms(c, sci, List.of(sci, common, alt)));
            allSyn.addAll(List.of(sci, common, alt));
        }
        String[] filler = {"photo", "of", "a", "the", "in", "flight", "nature", "wildlife", "close-up", "beautiful", "bird",
                "on", "branch", "stock", "image", "free", "download", "hd", "wallpaper", "sea", "sky", "park", "2019", "#birds"};
        List<String> captions = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            StringJoiner j = new StringJoiner(" ");
            int n = 5 + r.nextInt(10);
            int at = r.nextInt(20) == 0 ? r.nextInt(n) : -1;
            for (int k = 0; k < n; k++) {
                if (k == at) j.add(allSyn.get(r.nextInt(allSyn.size())));
                else j.add(filler[r.nextInt(filler.length)]);
            }
            captions.add(j.toString());
        }
        CaptionMatcher m = CaptionMatcher.build(classes);

        // 1. matcher alone, one thread, in memory
        long matched = 0;
        for (int warm = 0; warm < 2; warm++) {
            CaptionMatcher.Session s = m.newSession();
            matched = 0;
            long t0 = System.nanoTime();
            for (String c : captions) if (s.match(c).length > 0) matched++;
            double sec = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "matcher alone (1 thread)%s: %,d captions in %.2f s = %,.0f captions/s, %,d matched%n",
                    warm == 0 ? " [warm-up]" : "", ROWS, sec, ROWS / sec, matched);
        }
        double matcherRate = measureMatcher(m, captions);

        // write the table: 4 Parquet shards with LAION's columns
        Path dir = Files.createTempDirectory("alor-match-bench");
        try (Connection c = TableCorpus.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (SAMPLE_ID BIGINT, URL VARCHAR, TEXT VARCHAR)");
            try (DuckDBAppender a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "t")) {
                for (int i = 0; i < ROWS; i++) {
                    a.beginRow();
                    a.append((long) i);
                    a.append("http://img.example/" + i + ".jpg");
                    a.append(captions.get(i));
                    a.endRow();
                }
            }
            int shards = 4;
            for (int k = 0; k < shards; k++) {
                st.execute("COPY (SELECT * FROM t WHERE SAMPLE_ID % " + shards + " = " + k + " ORDER BY SAMPLE_ID) TO "
                        + TableCorpus.literal(dir.resolve("part-" + k + ".parquet").toString()) + " (FORMAT parquet)");
            }
        }
        captions = null;

        // 2. end to end through DuckDB (streaming result sets), 1 and 2 scan threads
        double e2eRate = 0;
        for (int threads : new int[]{1, 2}) {
            CorpusReader corpus = CorpusFormat.PARQUET.open(dir, null);
            AtomicLong n = new AtomicLong();
            long t0 = System.nanoTime();
            ScanResult res = new CorpusScan(corpus, m, threads, null).run(new ScanListener() {
                @Override
                public void captionsScanned(long d, long md) {
                    n.addAndGet(d);
                }
            });
            double sec = (System.nanoTime() - t0) / 1e9;
            assertThat(res.captions()).as("%s", res.warnings()).isEqualTo(ROWS);
            assertThat((long) res.matches().size()).isEqualTo(matched);
            e2eRate = Math.max(e2eRate, ROWS / sec);
            System.out.printf(Locale.ROOT, "end to end, DuckDB Parquet scan + matcher, %d thread(s): %.2f s = %,.0f captions/s, %,d matched%n",
                    threads, sec, ROWS / sec, res.matches().size());
        }

        // 3. DuckDB regexp_matches doing the same phrase match on the normalised caption (ASCII data)
        StringJoiner alt = new StringJoiner("|");
        for (String s : allSyn) alt.add(String.join(" ", CaptionTokenizer.tokens(s)));
        String norm = "regexp_replace(lower(replace(replace(TEXT, '\"', ''), '''', '')), '[^a-z0-9]+', ' ', 'g')";
        String sql = "SELECT count(*) FROM read_parquet(" + TableCorpus.literal(dir.resolve("*.parquet").toString()) + ")"
                + " WHERE regexp_matches(' ' || " + norm + " || ' ', ' (" + alt + ") ')";
        try (Connection c = TableCorpus.connect(); Statement st = c.createStatement()) {
            st.execute("SET threads = 2");
            for (int rep = 0; rep < 2; rep++) {
                long t0 = System.nanoTime();
                long count;
                try (ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    count = rs.getLong(1);
                }
                double sec = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "DuckDB regexp_matches (2 threads)%s: %.2f s = %,.0f captions/s, %,d matched%n",
                        rep == 0 ? " [warm-up]" : "", sec, ROWS / sec, count);
                assertThat(count).isEqualTo(matched);
                if (rep == 1) {
                    System.out.printf(Locale.ROOT, "ratio matcher alone / regexp: %.1fx; end to end / regexp: %.1fx%n",
                            matcherRate / (ROWS / sec), e2eRate / (ROWS / sec));
                }
            }
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static double measureMatcher(CaptionMatcher m, List<String> captions) {
        CaptionMatcher.Session s = m.newSession();
        long t0 = System.nanoTime();
        long k = 0;
        for (String c : captions) k += s.match(c).length;
        double sec = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "matcher alone (1 thread): %.2f s = %,.0f captions/s (%d refs)%n", sec, captions.size() / sec, k);
        return captions.size() / sec;
    }

    private static String word(Random r, String[] syll, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(syll[r.nextInt(syll.length)]);
        return sb.toString();
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
