package org.alor.retrieval;

import org.alor.data.ClassInfo;
import org.alor.data.ClassMetadataJson;
import org.alor.data.Split;
import org.alor.store.ClassSynonym;
import org.alor.store.ProjectStore;
import org.alor.store.StoredSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RetrievalJobTest {
    static Path project(Path dir) {
        try (ProjectStore s = ProjectStore.create(dir)) {
            List<ClassInfo> classes = new ArrayList<>();
            for (ClassSynonyms c : TestCorpora.CLASSES) {
                Map<String, Integer> syn = new LinkedHashMap<>();
                c.synonyms().forEach(x -> syn.put(x, 0));
                classes.add(new ClassInfo(c.classId(), c.name(), c.name(), syn));
            }
            s.classTable().replace(classes);
        }
        return dir;
    }

    static Path corpus(Path dir, int n, int perShard) throws Exception {
        TestCorpora.writeShards(dir, TestCorpora.generate(n, 7).captions(), perShard, 12);
        return dir;
    }

    /** Everything a run leaves in the store: classes with counts, retrieved samples. */
    static String snapshot(Path project) {
        try (ProjectStore s = ProjectStore.open(project)) {
            StringBuilder sb = new StringBuilder();
            for (ClassInfo c : s.classTable().all()) {
                sb.append(c.id()).append(' ').append(c.mostCommonName()).append(' ');
                for (ClassSynonym syn : s.classTable().synonyms(c.id())) sb.append(syn.synonym()).append('=').append(syn.corpusCount()).append(';');
                sb.append('\n');
            }
            Map<String, String> samples = new TreeMap<>();
            for (StoredSample x : s.sampleTable().bySplit(Split.RETRIEVED)) {
                samples.put(x.path(), x.trueLabel() + " " + x.width() + "x" + x.height() + " " + x.contentHash() + " " + x.provenanceJson());
            }
            samples.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
            return sb.toString();
        }
    }

    static RetrievalReport run(Path project, Path corpus, RetrievalOptions o) throws Exception {
        try (ProjectStore s = ProjectStore.open(project)) {
            return new RetrievalJob(s, new WebDatasetCorpus(corpus), o).run(ScanListener.NONE);
        }
    }

    @Test
    void storesCountsAndTopItems_rerunIsANoOp_capChangesOnlyWhatChanged(@TempDir Path tmp) throws Exception {
        Path corpus = corpus(tmp.resolve("corpus"), 600, 100);
        Path p = project(tmp.resolve("p"));
        RetrievalOptions o = RetrievalOptions.defaults().withThreads(3).withPerClass(30);
        RetrievalReport first = run(p, corpus, o);
        TestCorpora.Generated g = TestCorpora.generate(600, 7);
        Map<Integer, Integer> truth = new TreeMap<>();
        g.truth().values().stream().filter(v -> v >= 0).forEach(v -> truth.merge(v, 1, Integer::sum));
        for (ClassStats s : first.stats()) assertThat(s.actualFreq()).isEqualTo(truth.get(s.classId()));
        assertThat(first.kept().values()).containsOnly(30);
        assertThat(first.added()).isEqualTo(150);
        String snap = snapshot(p);
        Path someImage;
        try (Stream<Path> files = Files.walk(p.resolve("retrieval/images"))) {
            someImage = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        long modified = Files.getLastModifiedTime(someImage).toMillis();

        RetrievalReport again = run(p, corpus, o);
        assertThat(again.added()).isZero();
        assertThat(again.removed()).isZero();
        assertThat(snapshot(p)).isEqualTo(snap);
        assertThat(Files.getLastModifiedTime(someImage).toMillis()).isEqualTo(modified);

        RetrievalReport smaller = run(p, corpus, o.withPerClass(20));
        assertThat(smaller.removed()).isEqualTo(50);
        assertThat(smaller.added()).isZero();
        try (Stream<Path> files = Files.walk(p.resolve("retrieval/images"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(100);
        }
        RetrievalReport larger = run(p, corpus, o.withPerClass(25));
        assertThat(larger.added()).isEqualTo(25);
        assertThat(larger.removed()).isZero();

        try (ProjectStore s = ProjectStore.open(p)) {
            s.classTable().setExcluded(0, "Swallow", true);
            s.classTable().setExcluded(0, "Barn Swallow", true);
        }
        RetrievalReport excluded = run(p, corpus, o.withPerClass(25));
        try (ProjectStore s = ProjectStore.open(p)) {
            for (StoredSample x : s.sampleTable().bySplit(Split.RETRIEVED)) {
                if (x.trueLabel() == 0) assertThat(x.provenanceJson()).contains("\"synonym\":\"Hirundo rustica\"");
            }
            Path out = tmp.resolve("meta.json");
            RetrievalJob.exportMetadata(s, excluded.stats(), out);
            List<ClassInfo> back = ClassMetadataJson.read(out);
            assertThat(back.get(1).synonyms()).isEqualTo(excluded.stats().get(1).synonymCounts());
            assertThat(back.get(1).mostCommonName()).isEqualTo(excluded.stats().get(1).mostCommonName());
        }
    }

    @Test
    void retrievedSamplesCarryProvenanceAndLabels(@TempDir Path tmp) throws Exception {
        Path corpus = corpus(tmp.resolve("corpus"), 120, 50);
        Path p = project(tmp.resolve("p"));
        run(p, corpus, RetrievalOptions.defaults().withPerClass(3));
        try (ProjectStore s = ProjectStore.open(p)) {
            List<StoredSample> r = s.sampleTable().bySplit(Split.RETRIEVED);
            assertThat(r).hasSize(15);
            StoredSample x = r.get(0);
            assertThat(x.path()).startsWith("retrieval/images/");
            assertThat(Files.isRegularFile(p.resolve(x.path()))).isTrue();
            assertThat(x.provenanceJson()).contains("\"corpus\":\"corpus\"", "\"shard\":\"shard-0000", "\"key\":", "\"url\":", "\"caption\":", "\"synonym\":");
            assertThat(x.width()).isEqualTo(12);
        }
    }

    @Test
    void killedMidRunThenRerun_equalsOneCleanRun(@TempDir Path tmp) throws Exception {
        Path corpus = corpus(tmp.resolve("corpus"), 1200, 100);
        Path clean = project(tmp.resolve("clean"));
        run(clean, corpus, RetrievalOptions.defaults().withThreads(2).withPerClass(20));
        Path killed = project(tmp.resolve("killed"));
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), RetrievalChild.class.getName(),
                killed.toString(), corpus.toString(), "300");
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int done = 0;
            while ((line = out.readLine()) != null) {
                seen.add(line);
                if (line.startsWith("shard-done") && ++done == 4) break;
            }
            assertThat(done).as("child output %s", seen).isEqualTo(4);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        long finished;
        try (Stream<Path> s = Files.list(killed.resolve(RetrievalJob.PROGRESS_DIR))) {
            finished = s.filter(f -> f.toString().endsWith(".jsonl")).count();
        }
        assertThat(finished).isBetween(4L, 11L);
        RetrievalReport resumed = run(killed, corpus, RetrievalOptions.defaults().withThreads(2).withPerClass(20));
        assertThat(resumed.captionsScanned()).isEqualTo(1200);
        assertThat(snapshot(killed).replace("killed", "X")).isEqualTo(snapshot(clean).replace("clean", "X"));
    }
}
