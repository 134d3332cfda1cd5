package org.alor.select;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Speed of the strategies at realistic sizes; tagged so `mvn test` skips it (the pom's surefire configuration
 * excludes the benchmark group outright, so -Dgroups cannot bring it back). Run it through {@link #main}:
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -Xmx6g -cp target/test-classes:target/classes:$(cat target/test-cp.txt) org.alor.select.SelectionBenchmark [all|uncertainty|features]
 * </pre>
 */
@Tag("benchmark")
class SelectionBenchmark {

    private static float[][] probabilities(SplittableRandom r, int n, int c) {
        float[][] p = new float[n][c];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int peak = r.nextInt(c);
            for (int k = 0; k < c; k++) {
                float v = (float) r.nextDouble();
                v = v * v * v * v;
                if (k == peak) {
                    v += (float) (r.nextDouble() * c * 0.05);
                }
                p[i][k] = v;
                sum += v;
            }
            for (int k = 0; k < c; k++) {
                p[i][k] = (float) (p[i][k] / sum);
            }
        }
        return p;
    }

    private static float[][] features(SplittableRandom r, int n, int d) {
        float[][] f = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                f[i][j] = (float) (r.nextDouble() * 2 - 1);
            }
        }
        return f;
    }

    private static int[] counts(SplittableRandom r, int c) {
        int[] counts = new int[c];
        for (int k = 0; k < c; k++) {
            counts[k] = r.nextInt(501);
        }
        return counts;
    }

    /** Runs twice (cold, warm), prints both, returns the warm seconds. */
    private static double time(String label, Supplier<Selection> run, int expectedPicks) {
        double[] seconds = new double[2];
        double[] cpu = new double[2];
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int rep = 0; rep < 2; rep++) {
            System.gc();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Selection s = run.get();
            seconds[rep] = (System.nanoTime() - t0) / 1e9;
            cpu[rep] = (os.getProcessCpuTime() - c0) / 1e9;
            assertThat(s.size()).isEqualTo(expectedPicks);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT,
                "BENCH %-56s wall cold %7.3f s, warm %7.3f s | process CPU warm %7.3f s | heap in use %5d MB%n",
                label, seconds[0], seconds[1], cpu[1], (rt.totalMemory() - rt.freeMemory()) >> 20);
        return seconds[1];
    }

    public static void main(String[] args) {
        SelectionBenchmark b = new SelectionBenchmark();
        String which = args.length > 0 ? args[0] : "all";
        if (!which.equals("features")) {
            b.tfsAndEntropyOn100kBy1000();
        }
        if (!which.equals("uncertainty")) {
            b.featureStrategiesOn10kBy512By200();
        }
    }

    private static void warnIfOver(String what, double seconds, double limit) {
        if (seconds >= limit) {
            System.out.printf(Locale.ROOT, "BENCH WARNING %s took %.3f s (target < %.1f s; check the machine's load)%n",
                    what, seconds, limit);
        }
    }

    @Test
    void tfsAndEntropyOn100kBy1000() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 100_000;
        int c = 1_000;
        SelectionInput in = SelectionInput.builder(probabilities(r, n, c), counts(r, c)).budget(c).build();

        double tfs = time("TFS 100,000 × 1,000, budget 1,000", () -> new TailFirstStrategy().select(in), c);
        double entropy = time("Entropy 100,000 × 1,000, budget 1,000", () -> new EntropyStrategy().select(in), c);
        time("Random 100,000 × 1,000, budget 1,000", () -> new RandomStrategy().select(in), c);

        // wall time on a shared machine varies with the load: report, and warn instead of failing
        warnIfOver("TFS", tfs, 1.0);
        warnIfOver("Entropy", entropy, 1.0);
    }

    @Test
    void featureStrategiesOn10kBy512By200() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 10_000;
        int c = 200;
        int d = 512;
        int m = 5_000;
        int[] labeledClasses = new int[m];
        for (int i = 0; i < m; i++) {
            labeledClasses[i] = r.nextInt(c);
        }
        SelectionInput in = SelectionInput.builder(probabilities(r, n, c), counts(r, c))
                .poolFeatures(features(r, n, d))
                .labeled(features(r, m, d), labeledClasses)
                .classifier(features(r, c, d), 100f)
                .budget(c).seed(666).build();
        in.normalisedPoolFeatures();
        in.normalisedLabeledFeatures();

        double badge = time("BADGE 10,000 × 512-d × 200 classes, budget 200", () -> new BadgeStrategy().select(in), c);
        time("PCB+BADGE 10,000 (1,000 BADGE candidates), budget 200", () -> new PcbStrategy().select(in), c);
        time("Coreset 10,000 pool × 5,000 training × 512-d, budget 200", () -> new CoresetStrategy().select(in), c);
        time("LoGo 10,000 × 512-d, 200 clusters, budget 200", () -> new LogoStrategy().select(in), c);
        time("ALFA-Mix 10,000 × 512-d × 200 classes, budget 200", () -> new AlfaMixStrategy().select(in), c);

        warnIfOver("BADGE", badge, 30.0);
    }
}
