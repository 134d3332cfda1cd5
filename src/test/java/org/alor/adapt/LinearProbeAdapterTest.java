package org.alor.adapt;

import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinearProbeAdapterTest {
    private static final int C = 5;
    private static final int D = 16;

    /** Gaussian clusters around random unit means; the text head sees the means through heavy noise. */
    private static final class Clusters {
        final float[][] means = new float[C][D];
        final float[][] text = new float[C][D];

        Clusters(long seed, double textNoise) {
            Random r = new Random(seed);
            for (int c = 0; c < C; c++) {
                for (int d = 0; d < D; d++) means[c][d] = (float) r.nextGaussian();
                means[c] = Vectors.normalised(means[c]);
                for (int d = 0; d < D; d++) text[c][d] = (float) (means[c][d] + textNoise * r.nextGaussian());
            }
        }

        float[][] sample(int perClass, long seed, int[] labelsOut) {
            Random r = new Random(seed);
            float[][] out = new float[perClass * C][D];
            for (int i = 0; i < out.length; i++) {
                int c = i % C;
                labelsOut[i] = c;
                for (int d = 0; d < D; d++) out[i][d] = (float) (means[c][d] + 0.2 * r.nextGaussian());
            }
            return out;
        }

        TextHead head() {
            return TextHead.fromClassNames(List.of("0", "1", "2", "3", "4"), PromptTemplates.GENERIC, prompts -> {
                float[][] e = new float[prompts.size()][];
                for (int i = 0; i < e.length; i++) e[i] = text[Integer.parseInt(prompts.get(i).replaceAll("\\D", ""))];
                return e;
            });
        }
    }

    private static double accuracy(AdaptedModel m, float[][] x, int[] y) {
        int[] pred = ClassificationMetrics.argmax(m.probabilities(x));
        return ClassificationMetrics.of(y, pred, C).accuracy();
    }

    @Test
    void linearProbingBeatsZeroShotOnSeparableClusters() {
        Clusters w = new Clusters(7, 0.35);
        int[] ytr = new int[40 * C];
        int[] yval = new int[10 * C];
        int[] yte = new int[40 * C];
        TrainingSet data = new TrainingSet(w.sample(40, 1, ytr), ytr, w.sample(10, 2, yval), yval, C, 123);
        float[][] test = w.sample(40, 3, yte);

        double zeroShot = accuracy(new ZeroShotAdapter(w.head()).adapt(data, Progress.NONE, new CancellationToken()), test, yte);
        AdaptedModel lp = new LinearProbeAdapter(w.head(), LinearProbeConfig.standard().withBatchSize(8))
                .adapt(data, Progress.NONE, new CancellationToken());
        double probed = accuracy(lp, test, yte);

        assertThat(zeroShot).isLessThan(0.9);
        assertThat(probed).isGreaterThan(zeroShot + 0.05);
        assertThat(lp.summary()).containsEntry("method", "lp").containsKey("best_epoch");
    }

    @Test
    void trainingIsDeterministicPerSeedAndDiffersAcrossSeeds() {
        Clusters w = new Clusters(8, 0.6);
        int[] y = new int[8 * C];
        float[][] x = w.sample(8, 4, y);
        LinearProbeAdapter lp = new LinearProbeAdapter(w.head(), LinearProbeConfig.standard().withEpochs(5).withBatchSize(8));
        float[][] a = lp.adapt(new TrainingSet(x, y, x, y, C, 1), Progress.NONE, new CancellationToken()).probabilities(x);
        float[][] b = lp.adapt(new TrainingSet(x, y, x, y, C, 1), Progress.NONE, new CancellationToken()).probabilities(x);
        float[][] other = lp.adapt(new TrainingSet(x, y, new float[0][], new int[0], C, 2), Progress.NONE, new CancellationToken()).probabilities(x);
        assertThat(a).isDeepEqualTo(b);
        assertThat(java.util.Arrays.deepEquals(other, a)).isFalse();
    }

    @Test
    void aConstantValidationScoreKeepsTheLastEpoch() {
        Clusters w = new Clusters(9, 0.0);
        int[] y = new int[6 * C];
        float[][] x = w.sample(6, 5, y);
        // The text head equals the true means, so every epoch classifies the validation set perfectly: all ties.
        AdaptedModel m = new LinearProbeAdapter(w.head(), LinearProbeConfig.standard().withEpochs(4).withBatchSize(16))
                .adapt(new TrainingSet(x, y, x, y, C, 3), Progress.NONE, new CancellationToken());
        assertThat(m.summary()).containsEntry("best_epoch", 4).containsEntry("best_val_accuracy", 1.0);
    }

    @Test
    void bestEpochPrefersHigherAccuracyAndTheLaterEpochOnTies() {
        BestEpoch<String> best = new BestEpoch<>();
        double[] acc = {0.5, 0.8, 0.6, 0.8, 0.7};
        for (int e = 0; e < acc.length; e++) {
            int epoch = e + 1;
            best.offer(epoch, acc[e], () -> "epoch" + epoch);
        }
        assertThat(best.epoch()).isEqualTo(4);
        assertThat(best.model()).isEqualTo("epoch4");
        assertThat(best.accuracy()).isEqualTo(0.8);

        BestEpoch<String> noVal = new BestEpoch<>();
        noVal.offer(1, Double.NaN, () -> "a");
        noVal.offer(2, Double.NaN, () -> "b");
        assertThat(noVal.model()).isEqualTo("b");
        assertThat(noVal.accuracy()).isNaN();
    }

    @Test
    void cancellationStopsTrainingBetweenBatches() {
        Clusters w = new Clusters(10, 0.5);
        int[] y = new int[20 * C];
        float[][] x = w.sample(20, 6, y);
        AtomicInteger epochs = new AtomicInteger();
        CancellationToken token = CancellationToken.following(() -> epochs.get() >= 2);
        Progress progress = new Progress() {
            @Override
            public void epoch(int epoch, int total, double valAccuracy) {
                epochs.set(epoch);
            }
        };
        assertThatThrownBy(() -> new LinearProbeAdapter(w.head(), LinearProbeConfig.standard().withEpochs(50).withBatchSize(8))
                .adapt(new TrainingSet(x, y, x, y, C, 1), progress, token)).isInstanceOf(CancellationException.class);
        assertThat(epochs.get()).isEqualTo(2);
    }

    @Test
    void noTrainingDataLeavesTheTextHead() {
        Clusters w = new Clusters(11, 0.5);
        int[] y = new int[2 * C];
        float[][] x = w.sample(2, 7, y);
        AdaptedModel lp = new LinearProbeAdapter(w.head(), LinearProbeConfig.standard())
                .adapt(new TrainingSet(new float[0][], new int[0], x, y, C, 1), Progress.NONE, new CancellationToken());
        assertThat(lp.probabilities(x)).isDeepEqualTo(w.head().probabilities(x, 100f));
    }
}
