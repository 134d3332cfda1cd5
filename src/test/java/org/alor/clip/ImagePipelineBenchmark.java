package org.alor.clip;

import org.alor.job.CancellationToken;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * Decode + preprocess throughput at 224 px on the fixture landscape.png (640×480 PNG), 1 vs 2 threads.
 * Not a test: excluded from {@code mvn test}; run its {@code main} on the test classpath.
 */
@Tag("benchmark")
class ImagePipelineBenchmark {
    public static void main(String[] args) {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path landscape = Path.of("src/test/resources/fixtures/clip-preprocess/landscape.png");
        List<Path> paths = Collections.nCopies(images, landscape);
        ImagePreprocessor p = ImagePreprocessor.clip(224);
        for (int threads : new int[]{1, 2, 1, 2}) {
            long t0 = System.nanoTime();
            int done = 0;
            try (ImagePipeline.Run run = ImagePipeline.forEvaluation(p, threads, 32).start(paths, new CancellationToken())) {
                while (run.hasNext()) done += run.next().size();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("threads=%d: %d images in %.2f s = %.1f images/s%n", threads, done, s, done / s);
        }
    }

    @Test
    void run() {
        main(new String[0]);
    }
}
