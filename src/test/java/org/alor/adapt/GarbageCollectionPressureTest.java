package org.alor.adapt;

import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FT, CT and PT end bit-identical whether or not the garbage collector runs all the time during training. Before
 * {@link org.alor.clip.Scalars}, a collection between forward and backward freed the scalars DJL creates for
 * {@code mul(number)}/{@code div(number)}, and these runs differed (and sometimes skipped steps with NaN gradients).
 */
class GarbageCollectionPressureTest {
    @TempDir
    static Path dir;
    static AutoCloseable oneThread;
    static TinyClipWorld world;

    @BeforeAll
    static void setUp() {
        oneThread = TinyClipWorld.singleThreaded();
        world = new TinyClipWorld(dir, 3, 12, 1);
    }

    @AfterAll
    static void restore() throws Exception {
        oneThread.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ft", "ct", "pt"})
    void trainingUnderConstantGarbageCollectionMatchesACalmRun(String method) throws Exception {
        Result calm = run(method);
        AtomicBoolean stop = new AtomicBoolean();
        Thread collector = new Thread(() -> {
            while (!stop.get()) {
                byte[][] churn = new byte[64][];
                for (int i = 0; i < churn.length; i++) churn[i] = new byte[1 << 16];
                System.gc();
            }
        }, "gc-pressure");
        collector.start();
        Result pressured;
        try {
            pressured = run(method);
        } finally {
            stop.set(true);
            collector.join();
        }
        assertThat(pressured.skippedSteps).isZero();
        assertThat(pressured.weights).containsExactly(calm.weights);
    }

    private record Result(float[] weights, int skippedSteps) {
    }

    private static Result run(String method) {
        TuningConfig config = (switch (method) {
            case "ft" -> TuningConfig.ft();
            case "ct" -> TuningConfig.ct();
            default -> TuningConfig.pt();
        }).withEpochs(4).withBatchSize(8).withEncoderLr(1e-3).withHeadLr(1e-2).withWarmup(2);
        try (AdaptedModel m = world.tuningAdapter(method, config).adapt(world.validatedOnTraining(5), Progress.NONE, new CancellationToken())) {
            return new Result(TinyClipWorld.adaptedWeights(m), ((Number) m.summary().get("skipped_steps")).intValue());
        }
    }
}
