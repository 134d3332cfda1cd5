package org.alor.store;

import org.alor.data.SampleRecord;
import org.alor.data.Split;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times the feature cache at the scale of a retrieval-augmented project (10^5 × 512).
 * Surefire excludes the benchmark tag, so run it as a program on the test class path:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.alor.store.FeatureCacheBenchmark}.
 */
@Tag("benchmark")
class FeatureCacheBenchmark {
    @TempDir
    Path tmp;

    public static void main(String[] args) throws Exception {
        FeatureCacheBenchmark b = new FeatureCacheBenchmark();
        b.tmp = java.nio.file.Files.createTempDirectory("alor-bench");
        try {
            b.hundredThousandBy512();
        } finally {
            try (var walk = java.nio.file.Files.walk(b.tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void hundredThousandBy512() {
        int n = 100_000, dim = 512;
        try (ProjectStore store = ProjectStore.create(tmp)) {
            List<SampleRecord> recs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) recs.add(new SampleRecord("p/" + i + ".jpg", Split.POOL, null, 1, 1, "h" + i));
            long t0 = System.nanoTime();
            List<Long> ids = store.sampleTable().insert(recs);
            report("insert 1e5 samples", t0);

            Random r = new Random(1);
            float[][] v = new float[n][dim];
            for (float[] row : v) for (int d = 0; d < dim; d++) row[d] = r.nextFloat();
            t0 = System.nanoTime();
            for (int from = 0; from < n; from += 10_000) {
                store.features().put("ck", "pp", ids.subList(from, from + 10_000), java.util.Arrays.copyOfRange(v, from, from + 10_000));
            }
            report("put 1e5x512 f32 in 10 batches", t0);

            FeatureCache.Lookup got = null;
            for (int rep = 1; rep <= 3; rep++) {
                t0 = System.nanoTime();
                got = store.features().get("ck", "pp", ids);
                report("get all 1e5x512 in id order #" + rep, t0);
                assertThat(got.allCached()).isTrue();
            }

            List<Long> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled, new Random(2));
            t0 = System.nanoTime();
            got = store.features().get("ck", "pp", shuffled);
            report("get all 1e5x512 shuffled", t0);
            assertThat(got.allCached()).isTrue();

            t0 = System.nanoTime();
            got = store.features().get("ck", "pp", shuffled.subList(0, 1000));
            report("get 1000 random", t0);
        }
    }

    private static void report(String what, long t0) {
        System.out.printf("BENCH %-32s %8.1f ms%n", what, (System.nanoTime() - t0) / 1e6);
    }
}
