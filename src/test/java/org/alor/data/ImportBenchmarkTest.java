package org.alor.data;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import throughput (hash + full verifying decode) on generated JPEGs; excluded from {@code mvn test}.
 * Properties: {@code alor.bench.images} (2000), {@code alor.bench.width} (256, height = 3/4 of it).
 * Run it with a JUnit launcher on the test classpath, e.g. from the IDE.
 */
@Tag("benchmark")
class ImportBenchmarkTest {
    @TempDir
    Path root;

    @Test
    void importTwoThousandJpegs() throws Exception {
        int n = Integer.getInteger("alor.bench.images", 2000);
        int w = Integer.getInteger("alor.bench.width", 256);
        int h = w * 3 / 4;
        byte[][] variants = new byte[20][];
        for (int v = 0; v < variants.length; v++) variants[v] = TestImages.encode("jpg", w, h, v);
        for (int i = 0; i < n; i++) {
            Path f = root.resolve("c" + (i % 20) + "/img" + i + ".jpg");
            java.nio.file.Files.createDirectories(f.getParent());
            java.nio.file.Files.write(f, variants[i % variants.length]);
        }
        for (int threads : new int[] {1, ImageInspector.defaultThreads()}) {
            long t0 = System.nanoTime();
            DatasetImport r = new ImageFolderImporter(new ImageInspector(threads, null)).importFrom(root);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("import %d JPEGs %dx%d, %d thread(s): %.2f s (%.0f images/s), %d problems%n",
                    r.samples().size(), w, h, threads, s, r.samples().size() / s, r.problems().size());
        }
    }
}
