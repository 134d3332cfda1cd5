package org.alor.adapt;

import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** FT, CT and PT each fit a tiny separable problem (train accuracy ≥ 95 %, falling loss), and save/load works. */
class TuningAdaptersTest {
    @TempDir
    static Path dir;
    static TinyClipWorld world;

    static AutoCloseable oneThread;

    @BeforeAll
    static void render() {
        oneThread = TinyClipWorld.singleThreaded();
        world = new TinyClipWorld(dir, 3, 8, 2);
    }

    @org.junit.jupiter.api.AfterAll
    static void restoreThreads() throws Exception {
        oneThread.close();
    }

    private static final class Recorder implements Progress {
        final List<Double> losses = new ArrayList<>();
        final List<String> notices = new ArrayList<>();
        int epochs;

        @Override
        public void step(int epoch, int total, int step, int steps, double loss, double ips, double eta) {
            losses.add(loss);
        }

        @Override
        public void epoch(int epoch, int total, double valAccuracy) {
            epochs++;
        }

        @Override
        public void notice(String message) {
            notices.add(message);
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertLossFell(AdaptedModel model) {
        List<Double> loss = (List<Double>) model.summary().get("loss_per_epoch");
        assertThat(loss.get(loss.size() - 1)).isLessThan(loss.get(0) * 0.7);
    }

    @Test
    void fineTuningFitsTheTrainingImages() throws Exception {
        TuningConfig config = TuningConfig.ft().withEpochs(16).withBatchSize(8).withEncoderLr(2e-3).withHeadLr(2e-2).withWarmup(5);
        Recorder rec = new Recorder();
        try (AdaptedModel m = new FineTuneAdapter(TinyClipWorld.base(), world.initialHead(PromptTemplates.BIRDS), config)
                .adapt(world.validatedOnTraining(1), rec, new CancellationToken())) {
            float[][] train = m.imageFeatures(world.trainIds, ids -> {
                throw new AssertionError("FT must re-encode the images");
            });
            assertThat(TinyClipWorld.accuracy(m, train, world.trainLabels)).isGreaterThanOrEqualTo(0.95);
            assertLossFell(m);
            assertThat(m.summary()).containsEntry("skipped_steps", 0);
            assertThat((String) m.summary().get("device")).startsWith("CPU, ");
            assertThat(rec.epochs).isEqualTo(16);
            assertThat(rec.losses).hasSize(16 * 3);
            assertThat(rec.notices.get(0)).startsWith("training on CPU");

            Path saved = dir.resolve("ft-round");
            m.save(saved);
            assertThat(saved.resolve(TunedClipModel.TOWERS_FILE)).exists();
            assertThat(org.alor.clip.SafetensorsFile.readAll(saved.resolve(TunedClipModel.TOWERS_FILE)).names())
                    .as("FT saves the image tower only").isNotEmpty().allMatch(n -> n.startsWith("visual."));
            try (AdaptedModel back = SavedModels.load(saved, TinyClipWorld.base(), world.images())) {
                float[][] again = back.imageFeatures(world.trainIds, ids -> null);
                assertThat(back.probabilities(again)).isDeepEqualTo(m.probabilities(train));
            }
        }
    }

    @Test
    void contrastiveTuningFitsTheTrainingImages() throws Exception {
        TuningConfig config = TuningConfig.ct().withEpochs(20).withBatchSize(8).withEncoderLr(2e-3).withHeadLr(2e-2).withWarmup(5);
        try (AdaptedModel m = new ContrastiveTuneAdapter(TinyClipWorld.base(), world.classNames, PromptTemplates.BIRDS, config)
                .adapt(world.validatedOnTraining(2), Progress.NONE, new CancellationToken())) {
            float[][] train = m.imageFeatures(world.trainIds, ids -> null);
            assertThat(TinyClipWorld.accuracy(m, train, world.trainLabels)).isGreaterThanOrEqualTo(0.95);
            assertLossFell(m);
            Path saved = dir.resolve("ct-round");
            m.save(saved);
            java.util.Set<String> tensors = org.alor.clip.SafetensorsFile.readAll(saved.resolve(TunedClipModel.TOWERS_FILE)).names();
            assertThat(tensors).as("CT saves both towers, not CLIP's own logit scale")
                    .contains("visual.proj", "token_embedding.weight").doesNotContain("logit_scale");
            try (AdaptedModel back = SavedModels.load(saved, TinyClipWorld.base(), world.images())) {
                assertThat(back.classifierWeights()).isDeepEqualTo(m.classifierWeights());
            }
        }
    }

    @Test
    void fineAndContrastiveTuningKeepTheLastPartialBatch() throws Exception {
        // 24 training images in batches of 10: the reference's FT/CT loaders (drop_last=False) take 10 + 10 + 4.
        Recorder ft = new Recorder();
        try (AdaptedModel m = new FineTuneAdapter(TinyClipWorld.base(), world.initialHead(PromptTemplates.BIRDS),
                TuningConfig.ft().withEpochs(2).withBatchSize(10)).adapt(world.validatedOnTraining(5), ft, new CancellationToken())) {
            assertThat(ft.losses).hasSize(2 * 3);
            assertThat(m.summary()).containsEntry("iterations", 6L);
        }
        Recorder ct = new Recorder();
        try (AdaptedModel m = new ContrastiveTuneAdapter(TinyClipWorld.base(), world.classNames, PromptTemplates.BIRDS,
                TuningConfig.ct().withEpochs(2).withBatchSize(10)).adapt(world.validatedOnTraining(6), ct, new CancellationToken())) {
            assertThat(ct.losses).hasSize(2 * 3);
            assertThat(m.summary()).containsEntry("iterations", 6L);
        }
    }

    @Test
    void promptTuningDropsTheLastPartialBatchAndEndsItsCosineFarFromZeroAsCoOpDoes() {
        // CoOp/Dassl: drop_last = is_train and len(data) >= batch, so 24 features in batches of 10 give 2 steps.
        Recorder pt = new Recorder();
        float[][] features = world.cachedFeatures(world.trainIds);
        TrainingSet data = new TrainingSet(features, world.trainLabels, features, world.trainLabels, world.classNames.size(), 7);
        TuningConfig config = TuningConfig.pt().withEpochs(3).withBatchSize(10);
        try (AdaptedModel m = new PromptTuneAdapter(TinyClipWorld.base(), world.classNames, config).adapt(data, pt, new CancellationToken())) {
            assertThat(pt.losses).hasSize(3 * 2);
            // period 200 epochs as in the reference: the last of 3 epochs is 1 into it after the warm-up
            assertThat(m.summary()).containsEntry("lr_cosine_period_epochs", 200);
            assertThat((double) m.summary().get("lr_contexts_last_epoch"))
                    .isCloseTo(config.headLr() * (1 + Math.cos(Math.PI / 200)) / 2, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void contrastiveTuningKeepsTheBestEpochsWeightsButTheLastEpochsTemperatureAsTheReferenceDoes() throws Exception {
        // Trained on shifted labels (class c called c+1) and validated on the true ones, the model gets worse on val
        // as it learns, so an early epoch is kept while the temperature moves on. The reference's train_flyp keeps
        // best_logit_scale = logit_scale, the live parameter, so its pool probabilities use the last epoch's value.
        int[] shifted = new int[world.trainLabels.length];
        for (int i = 0; i < shifted.length; i++) shifted[i] = (world.trainLabels[i] + 1) % world.classNames.size();
        float[][] features = world.cachedFeatures(world.trainIds);
        TrainingSet data = new TrainingSet(features, shifted, features, world.trainLabels, world.classNames.size(), 8,
                new TrainingImages(world.trainIds, world.trainIds, world.images()));
        TuningConfig config = TuningConfig.ct().withEpochs(4).withBatchSize(8).withEncoderLr(2e-3).withHeadLr(2e-2).withWarmup(2);
        try (AdaptedModel m = new ContrastiveTuneAdapter(TinyClipWorld.base(), world.classNames, PromptTemplates.BIRDS, config)
                .adapt(data, Progress.NONE, new CancellationToken())) {
            List<Double> perEpoch = (List<Double>) m.summary().get("scale_per_epoch");
            int best = (int) m.summary().get("best_epoch");
            assertThat(perEpoch).hasSize(4);
            assertThat(best).isLessThan(4);
            assertThat(perEpoch.get(best - 1)).isNotCloseTo(perEpoch.get(3), org.assertj.core.data.Offset.offset(1e-4));
            assertThat((double) m.logitScale()).isCloseTo(perEpoch.get(3), org.assertj.core.data.Offset.offset(1e-4));
            assertThat((double) (float) m.summary().get("scale_best_epoch"))
                    .isCloseTo(perEpoch.get(best - 1), org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void aCancelMidEpochStopsTrainingBeforeTheNextStepAndFreesEverything() {
        int before = liveArrays();
        org.alor.job.CancellationToken token = new org.alor.job.CancellationToken();
        int[] steps = {0};
        int[] stepsPerEpoch = {0};
        Progress cancelAfterTwoSteps = new Progress() {
            @Override
            public void step(int epoch, int epochs, int step, int total, double loss, double ips, double eta) {
                steps[0]++;
                stepsPerEpoch[0] = total;
                if (steps[0] == 2) token.cancel();
            }
        };
        TuningConfig config = TuningConfig.ct().withEpochs(5).withBatchSize(4);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ContrastiveTuneAdapter(TinyClipWorld.base(),
                        world.classNames, PromptTemplates.BIRDS, config).adapt(world.validatedOnTraining(4), cancelAfterTwoSteps, token))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(stepsPerEpoch[0]).as("the cancel came in the middle of the first epoch").isGreaterThan(2);
        assertThat(steps[0]).as("optimiser steps run; none after the cancel").isEqualTo(2);
        assertThat(liveArrays()).isEqualTo(before);
    }

    private static int liveArrays() {
        try (ai.djl.ndarray.NDManager probe = ai.djl.ndarray.NDManager.newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    @Test
    void promptTuningFitsTheTrainingFeatures() throws Exception {
        // the paper's PT settings (lr 0.002, SGD, 1 warm-up epoch) from a briefly pretrained tiny CLIP
        TuningConfig config = TuningConfig.pt().withEpochs(20).withBatchSize(8);
        ClipBase pretrained = world.briefPretrained();
        float[][] features = world.cachedFeatures(pretrained, world.trainIds);
        TrainingSet data = new TrainingSet(features, world.trainLabels, features, world.trainLabels,
                world.classNames.size(), 3);
        try (AdaptedModel m = new PromptTuneAdapter(pretrained, world.classNames, config)
                .adapt(data, Progress.NONE, new CancellationToken())) {
            assertThat(TinyClipWorld.accuracy(m, data.features(), world.trainLabels)).isGreaterThanOrEqualTo(0.95);
            assertLossFell(m);
            Map<String, Object> s = m.summary();
            assertThat(s.get("best_epoch")).isEqualTo(20);
            Path saved = dir.resolve("pt-round");
            m.save(saved);
            assertThat(saved.resolve(SavedModels.CONTEXTS_FILE)).exists();
            try (AdaptedModel back = SavedModels.load(saved, pretrained, world.images())) {
                assertThat(back.probabilities(features)).isDeepEqualTo(m.probabilities(features));
            }
        }
    }
}
