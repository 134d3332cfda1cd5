package org.alor.adapt;

import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18 item 14: FT, CT and PT save every finished epoch; a run that dies after epoch 2 of 3 and is started again
 * with the same checkpoint file trains only epoch 3 and ends with the weights, best epoch and metrics of the
 * uninterrupted run, bit for bit.
 */
class EpochCheckpointResumeTest {
    @TempDir
    static Path dir;
    static TinyClipWorld world;
    static AutoCloseable oneThread;

    @BeforeAll
    static void render() {
        oneThread = TinyClipWorld.singleThreaded();
        world = new TinyClipWorld(dir, 3, 8, 2);
    }

    @AfterAll
    static void restoreThreads() throws Exception {
        oneThread.close();
    }

    /** Records the trained epochs and steps; optionally dies when epoch {@code crashAfter} is reported finished. */
    private static final class Recorder implements Progress {
        final List<Integer> stepEpochs = new ArrayList<>();
        final List<Integer> finishedEpochs = new ArrayList<>();
        final List<String> notices = new ArrayList<>();
        final int crashAfter;

        Recorder(int crashAfter) {
            this.crashAfter = crashAfter;
        }

        @Override
        public void step(int epoch, int epochs, int step, int steps, double loss, double ips, double eta) {
            stepEpochs.add(epoch);
        }

        @Override
        public void epoch(int epoch, int epochs, double valAccuracy) {
            finishedEpochs.add(epoch);
            if (epoch == crashAfter) throw new Crash();
        }

        @Override
        public void notice(String message) {
            notices.add(message);
        }
    }

    private static final class Crash extends RuntimeException {
        Crash() {
            super("simulated crash after an epoch");
        }
    }

    private static final Map<String, String> RUN = Map.of("round", "1");

    private static Adapter adapter(String method, int epochs, EpochCheckpointFile file) {
        TuningConfig config = switch (method) {
            case "pt" -> TuningConfig.pt().withEpochs(epochs).withBatchSize(8);
            case "ct" -> TuningConfig.ct().withEpochs(epochs).withBatchSize(8).withEncoderLr(3e-2).withHeadLr(5e-2).withWarmup(0);
            default -> TuningConfig.ct().withEpochs(epochs).withBatchSize(8).withEncoderLr(2e-3).withHeadLr(2e-2).withWarmup(2);
        };
        return switch (method) {
            case "ft" -> new FineTuneAdapter(TinyClipWorld.base(), world.initialHead(PromptTemplates.BIRDS), config, file);
            case "ct" -> new ContrastiveTuneAdapter(TinyClipWorld.base(), world.classNames, PromptTemplates.BIRDS, config, file);
            case "pt" -> new PromptTuneAdapter(TinyClipWorld.base(), world.classNames, config, file);
            default -> throw new IllegalArgumentException(method);
        };
    }

    /**
     * FT on the true labels; CT on shifted labels validated on the true ones at a high learning rate, so it keeps
     * epoch 1 and the checkpoint carries a best-epoch copy apart from the weights; PT on cached features.
     */
    private static TrainingSet data(String method) {
        if (!method.equals("ct")) return world.trainingSet(21);
        int[] shifted = new int[world.trainLabels.length];
        for (int i = 0; i < shifted.length; i++) shifted[i] = (world.trainLabels[i] + 1) % world.classNames.size();
        float[][] features = world.cachedFeatures(world.trainIds);
        return new TrainingSet(features, shifted, features, world.trainLabels, world.classNames.size(), 22,
                new TrainingImages(world.trainIds, world.trainIds, world.images()));
    }

    private record Outcome(float[] weights, float[][] probabilities, Map<String, Object> summary, float scale) {
    }

    private static Outcome run(String method, int epochs, EpochCheckpointFile file, Progress progress) throws Exception {
        TrainingSet data = data(method);
        try (AdaptedModel m = adapter(method, epochs, file).adapt(data, progress, new CancellationToken())) {
            float[][] features = m.imageFeatures(world.trainIds, ids -> data.features());
            return new Outcome(TinyClipWorld.adaptedWeights(m), m.probabilities(features), m.summary(), m.logitScale());
        }
    }

    private static void assertResumesToTheUninterruptedRun(String method) throws Exception {
        Outcome uninterrupted = run(method, 3, null, Progress.NONE);
        if (method.equals("ct")) {
            assertThat(uninterrupted.summary().get("best_epoch")).as("CT keeps epoch 1, so the checkpoint after epoch 2"
                    + " holds a kept copy apart from the weights").isEqualTo(1);
        }

        EpochCheckpointFile file = new EpochCheckpointFile(dir.resolve(method + "-epoch-checkpoint.safetensors"), RUN);
        Recorder first = new Recorder(2);
        assertThatThrownBy(() -> run(method, 3, file, first)).isInstanceOf(Crash.class);
        assertThat(first.finishedEpochs).containsExactly(1, 2);
        assertThat(file.path()).exists();

        Recorder second = new Recorder(-1);
        Outcome resumed = run(method, 3, file, second);
        assertThat(second.notices).anyMatch(n -> n.startsWith("resuming from the epoch checkpoint") && n.contains("1–2 of 3"));
        assertThat(second.finishedEpochs).as("epochs trained after the resume").containsExactly(3);
        assertThat(second.stepEpochs).as("steps trained after the resume").isNotEmpty().containsOnly(3);

        assertThat(resumed.weights()).as("every adapted weight, bit for bit").isEqualTo(uninterrupted.weights());
        assertThat(resumed.probabilities()).isDeepEqualTo(uninterrupted.probabilities());
        assertThat(resumed.scale()).isEqualTo(uninterrupted.scale());
        for (String key : List.of("best_epoch", "best_val_accuracy", "val_accuracy_per_epoch", "loss_per_epoch",
                "iterations", "skipped_steps", "micro_batches", "scale", "scale_best_epoch", "scale_per_epoch")) {
            assertThat(resumed.summary().get(key)).as(method + " " + key).isEqualTo(uninterrupted.summary().get(key));
        }
    }

    @Test
    void fineTuningResumesAfterItsLastFinishedEpoch() throws Exception {
        assertResumesToTheUninterruptedRun("ft");
    }

    @Test
    void contrastiveTuningResumesAfterItsLastFinishedEpochWithItsKeptEpochAndTemperatures() throws Exception {
        assertResumesToTheUninterruptedRun("ct");
    }

    @Test
    void promptTuningResumesAfterItsLastFinishedEpoch() throws Exception {
        assertResumesToTheUninterruptedRun("pt");
    }

    @Test
    void aFinishedRunsCheckpointTrainsNothingAgainAndAnotherRunsIsIgnoredWithANotice() throws Exception {
        EpochCheckpointFile file = new EpochCheckpointFile(dir.resolve("pt-finished.safetensors"), RUN);
        Outcome complete = run("pt", 3, file, Progress.NONE);

        Recorder again = new Recorder(-1);
        Outcome repeated = run("pt", 3, file, again);
        assertThat(again.stepEpochs).as("nothing is trained again").isEmpty();
        assertThat(repeated.weights()).isEqualTo(complete.weights());
        assertThat(repeated.summary().get("loss_per_epoch")).isEqualTo(complete.summary().get("loss_per_epoch"));

        Recorder longer = new Recorder(-1);
        run("pt", 4, file, longer);
        assertThat(longer.notices).anyMatch(n -> n.contains("is from another run (epochs 3, now 4)")
                && n.contains("ignored and training starts from the first epoch"));
        assertThat(longer.finishedEpochs).containsExactly(1, 2, 3, 4);

        Recorder otherRound = new Recorder(-1);
        run("pt", 4, new EpochCheckpointFile(file.path(), Map.of("round", "2")), otherRound);
        assertThat(otherRound.notices).anyMatch(n -> n.contains("is from another run (round 1, now 2)"));
        assertThat(otherRound.finishedEpochs).containsExactly(1, 2, 3, 4);
    }
}
