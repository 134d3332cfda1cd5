package org.alor.adapt;

import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * Linear-probe throughput on Semi-Aves-like shapes (C = 200, D = 512). Not a test: tagged benchmark, and a main
 * (the pom excludes the benchmark group) — run with
 * {@code java -cp target/classes:target/test-classes:$(deps) org.alor.adapt.LinearProbeBenchmark}.
 */
@Tag("benchmark")
public class LinearProbeBenchmark {
    public static void main(String[] args) {
        new LinearProbeBenchmark().samplesPerSecond();
    }

    @Test
    void samplesPerSecond() {
        int c = 200;
        int d = 512;
        int n = Integer.getInteger("lp.n", 4096);
        Random r = new Random(1);
        float[][] w = new float[c][d];
        for (float[] row : w) for (int j = 0; j < d; j++) row[j] = (float) r.nextGaussian();
        float[][] x = new float[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(c);
            for (int j = 0; j < d; j++) x[i][j] = (float) r.nextGaussian();
        }
        LinearProbeAdapter lp = new LinearProbeAdapter(new TextHead(w), LinearProbeConfig.standard().withEpochs(2));
        lp.adapt(new TrainingSet(x, y, x, y, c, 1), Progress.NONE, new CancellationToken()); // warm-up
        long t0 = System.nanoTime();
        int epochs = 3;
        new LinearProbeAdapter(new TextHead(w), LinearProbeConfig.standard().withEpochs(epochs))
                .adapt(new TrainingSet(x, y, new float[0][], new int[0], c, 1), Progress.NONE, new CancellationToken());
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("LP C=%d D=%d: %.0f training samples/s (%d samples x %d epochs in %.2f s, %d cores)%n",
                c, d, n * (double) epochs / s, n, epochs, s, Runtime.getRuntime().availableProcessors());
    }
}
