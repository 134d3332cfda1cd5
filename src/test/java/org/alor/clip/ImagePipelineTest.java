package org.alor.clip;

import org.alor.job.CancellationToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class ImagePipelineTest {
    @TempDir
    Path dir;

    /** Image i is a 3×2 PNG whose red channel is i. */
    private List<Path> images(int count) throws IOException {
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_3BYTE_BGR);
            for (int x = 0; x < 3; x++) for (int y = 0; y < 2; y++) img.setRGB(x, y, i << 16);
            Path p = dir.resolve("img" + i + ".png");
            ImageIO.write(img, "png", p.toFile());
            paths.add(p);
        }
        return paths;
    }

    /** Returns the red value of pixel (0,0) after a random delay, so workers finish out of order. */
    private static final ImageTransform RED_SLOWLY = (image, index) -> {
        sleep(ThreadLocalRandom.current().nextInt(5));
        return new float[]{image.get(0, 0, 0)};
    };

    @Test
    void batchesArriveInInputOrderWhateverTheWorkerTiming() throws IOException {
        List<Path> paths = images(23);
        List<Integer> seen = new ArrayList<>();
        int batches = 0;
        try (ImagePipeline.Run run = new ImagePipeline(RED_SLOWLY, 1, 3, 5, 2).start(paths, new CancellationToken())) {
            assertThat(run.batchCount()).isEqualTo(5);
            while (run.hasNext()) {
                PreprocessedBatch b = run.next();
                assertThat(b.batchNumber()).isEqualTo(batches++);
                assertThat(b.failures()).isEmpty();
                for (int k = 0; k < b.size(); k++) {
                    assertThat(b.pixels()[k]).isEqualTo((float) b.indices()[k]);
                    seen.add(b.indices()[k]);
                }
            }
        }
        assertThat(batches).isEqualTo(5);
        assertThat(seen).hasSize(23).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aBadImageIsReportedAndTheRestOfItsBatchSurvives() throws IOException {
        List<Path> paths = images(10);
        Files.writeString(paths.get(3), "not a png");
        paths.set(7, dir.resolve("missing.jpg"));
        List<PreprocessedBatch> batches = new ArrayList<>();
        new ImagePipeline(RED_SLOWLY, 1, 2, 4, 1).start(paths, new CancellationToken()).forEachRemaining(batches::add);
        assertThat(batches).hasSize(3);
        assertThat(batches.get(0).indices()).containsExactly(0, 1, 2);
        assertThat(batches.get(0).pixels()).containsExactly(0f, 1f, 2f);
        assertThat(batches.get(0).failures()).singleElement().satisfies(f -> {
            assertThat(f.index()).isEqualTo(3);
            assertThat(f.path()).isEqualTo(paths.get(3));
            assertThat(f.reason()).contains("not an image");
        });
        assertThat(batches.get(1).indices()).containsExactly(4, 5, 6);
        assertThat(batches.get(1).failures()).singleElement()
                .satisfies(f -> assertThat(f.toString()).contains("missing.jpg").contains("no such file"));
        assertThat(batches.get(2).indices()).containsExactly(8, 9);
    }

    @Test
    void aFailingTransformIsAnItemFailureNotACrash() throws IOException {
        ImageTransform picky = (image, index) -> {
            if (index == 1) throw new IllegalStateException("boom");
            return new float[]{index};
        };
        PreprocessedBatch b = new ImagePipeline(picky, 1, 2, 3, 1).start(images(3), new CancellationToken()).next();
        assertThat(b.indices()).containsExactly(0, 2);
        assertThat(b.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("boom"));
    }

    @Test
    void cancellingStopsTheRun() throws IOException {
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicInteger processed = new AtomicInteger();
        ImageTransform counting = (image, index) -> {
            processed.incrementAndGet();
            return new float[]{index};
        };
        ImagePipeline.Run run = new ImagePipeline(counting, 1, 2, 2, 1).start(images(20), CancellationToken.following(cancel::get));
        assertThat(run.next().indices()).containsExactly(0, 1);
        cancel.set(true);
        assertThat(run.hasNext()).isFalse();
        assertThat(run.cancelled()).isTrue();
        assertThatThrownBy(run::next).isInstanceOf(CancellationException.class);
        sleep(100);
        assertThat(processed.get()).isLessThanOrEqualTo(4);
    }

    @Test
    void cancellingWhileWaitingForABatchReturnsPromptly() throws IOException {
        AtomicBoolean cancel = new AtomicBoolean();
        ImageTransform slow = (image, index) -> {
            sleep(10_000);
            return new float[]{index};
        };
        ImagePipeline.Run run = new ImagePipeline(slow, 1, 1, 2, 1).start(images(2), CancellationToken.following(cancel::get));
        Thread canceller = new Thread(() -> {
            sleep(200);
            cancel.set(true);
        });
        canceller.start();
        long t0 = System.nanoTime();
        assertThatThrownBy(run::next).isInstanceOf(CancellationException.class);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(3.0);
    }

    @Test
    void workersStayAtMostTheConfiguredBatchesAheadOfTheConsumer() throws IOException {
        AtomicInteger processed = new AtomicInteger();
        ImageTransform counting = (image, index) -> {
            processed.incrementAndGet();
            return new float[]{index};
        };
        try (ImagePipeline.Run run = new ImagePipeline(counting, 1, 2, 2, 1).start(images(20), new CancellationToken())) {
            run.next();
            sleep(300); // a slow consumer: workers must wait instead of decoding everything
            assertThat(processed.get()).isEqualTo(4); // the batch in hand + one batch ahead
            run.next();
            sleep(300);
            assertThat(processed.get()).isEqualTo(6);
        }
    }

    @Test
    void evaluationPipelineGivesThePreprocessorsOutput() throws IOException {
        Path landscape = Path.of("src/test/resources/fixtures/clip-preprocess/landscape.png");
        ImagePreprocessor p = ImagePreprocessor.clip(32);
        PreprocessedBatch b = ImagePipeline.forEvaluation(p, 2, 4).start(List.of(landscape, landscape), new CancellationToken()).next();
        assertThat(b.pixels()).hasSize(2 * 3 * 32 * 32);
        assertThat(b.image(1)).containsExactly(p.preprocess(landscape));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
