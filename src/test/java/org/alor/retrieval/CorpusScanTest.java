package org.alor.retrieval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusScanTest {
    private static String summary(ScanResult r, CaptionMatcher m) {
        StringBuilder sb = new StringBuilder(r.captions() + "\n");
        for (CaptionMatch x : r.matches()) sb.append(x.record()).append(java.util.Arrays.toString(m.classesOf(x.refs()))).append('\n');
        return sb.toString();
    }

    @Test
    void anyThreadCountGivesTheSameOrderedResult(@TempDir Path tmp) throws Exception {
        TestCorpora.writeShards(tmp, TestCorpora.generate(900, 5).captions(), 70, 4);
        CaptionMatcher m = CaptionMatcher.build(TestCorpora.CLASSES);
        String one = summary(new CorpusScan(new WebDatasetCorpus(tmp), m, 1, null).run(ScanListener.NONE), m);
        String four = summary(new CorpusScan(new WebDatasetCorpus(tmp), m, 4, null).run(ScanListener.NONE), m);
        assertThat(four).isEqualTo(one);
        assertThat(one).startsWith("900\n");
    }

    @Test
    void finishedShardsAreReused_andChangedSynonymsStartAfresh(@TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("c");
        TestCorpora.writeShards(corpus, TestCorpora.generate(300, 5).captions(), 100, 4);
        Path progress = tmp.resolve("progress");
        CaptionMatcher m = CaptionMatcher.build(TestCorpora.CLASSES);
        String clean = summary(new CorpusScan(new WebDatasetCorpus(corpus), m, 2, progress).run(ScanListener.NONE), m);

        AtomicInteger resumed = new AtomicInteger();
        AtomicInteger scanned = new AtomicInteger();
        ScanListener count = new ScanListener() {
            @Override
            public void shardDone(ShardResult r, boolean fromProgress) {
                (fromProgress ? resumed : scanned).incrementAndGet();
            }
        };
        Files.delete(progress.resolve("shard-00001.tar.jsonl"));
        Files.writeString(progress.resolve("shard-00002.tar.jsonl"), "{torn"); // a damaged record is rescanned
        String again = summary(new CorpusScan(new WebDatasetCorpus(corpus), m, 2, progress).run(count), m);
        assertThat(again).isEqualTo(clean);
        assertThat(resumed.get()).isEqualTo(1);
        assertThat(scanned.get()).isEqualTo(2);

        List<ClassSynonyms> fewer = new ArrayList<>(TestCorpora.CLASSES.subList(0, 2));
        CaptionMatcher m2 = CaptionMatcher.build(fewer);
        resumed.set(0);
        scanned.set(0);
        new CorpusScan(new WebDatasetCorpus(corpus), m2, 2, progress).run(count);
        assertThat(resumed.get()).isZero();
        assertThat(scanned.get()).isEqualTo(3);
        try (Stream<Path> s = Files.list(progress)) {
            assertThat(s.filter(p -> p.toString().endsWith(".tmp")).count()).isZero();
        }
    }

    @Test
    void cancellingStopsTheScanWithoutRecordingPartialShards(@TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("c");
        TestCorpora.writeShards(corpus, TestCorpora.generate(400, 5).captions(), 100, 4);
        Path progress = tmp.resolve("progress");
        CaptionMatcher m = CaptionMatcher.build(TestCorpora.CLASSES);
        CorpusScan scan = new CorpusScan(new WebDatasetCorpus(corpus), m, 1, progress);
        try {
            scan.run(new ScanListener() {
                @Override
                public void shardDone(ShardResult r, boolean fromProgress) {
                    scan.cancel();
                }
            });
            throw new AssertionError("not cancelled");
        } catch (InterruptedException expected) {
            // the scan reports cancellation
        }
        try (Stream<Path> s = Files.list(progress)) {
            assertThat(s.filter(p -> p.toString().endsWith(".jsonl")).count()).isEqualTo(1);
        }
    }
}
