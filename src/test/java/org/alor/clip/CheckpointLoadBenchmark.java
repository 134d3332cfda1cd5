package org.alor.clip;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test: times writing and loading a full-size checkpoint with random weights.
 * Surefire excludes the tag, so run it directly after {@code mvn -o -q test-compile}:
 * {@code java -Xmx6g -cp target/classes:target/test-classes:$(cat cp.txt) org.alor.clip.CheckpointLoadBenchmark ViT-B-32}
 * with cp.txt from {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
@Tag("benchmark")
class CheckpointLoadBenchmark {
    @TempDir
    Path tmp;

    public static void main(String[] args) throws IOException {
        CheckpointLoadBenchmark b = new CheckpointLoadBenchmark();
        b.tmp = Files.createTempDirectory("ckpt-bench");
        if (args.length > 0) System.setProperty("alor.bench.model", args[0]);
        try {
            b.writeAndLoadFullSizeCheckpoint();
        } finally {
            try (var s = Files.walk(b.tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void writeAndLoadFullSizeCheckpoint() throws IOException {
        String model = System.getProperty("alor.bench.model", "ViT-B-32");
        ClipConfig config = ClipConfigs.builtIn(model).orElseThrow();
        StateDict sd = new StateDict();
        SplittableRandom rnd = new SplittableRandom(1);
        for (Map.Entry<String, long[]> e : ClipTensorLayout.expectedShapes(config).entrySet()) {
            long n = 1;
            for (long d : e.getValue()) n *= d;
            float[] data = new float[(int) n];
            for (int i = 0; i < data.length; i++) data[i] = (float) rnd.nextGaussian() * 0.02f;
            sd.put(new Tensor(e.getKey(), e.getValue(), data));
        }
        Path dir = Files.createDirectories(tmp.resolve(model));
        long t0 = System.nanoTime();
        SafetensorsWriter.write(dir.resolve("open_clip_model.safetensors"), sd);
        long t1 = System.nanoTime();
        sd = null;
        LoadedCheckpoint c = CheckpointLoader.load(dir);
        long t2 = System.nanoTime();
        String hash = CheckpointLoader.sha256(c.source());
        long t3 = System.nanoTime();
        assertThat(hash).isEqualTo(c.contentHash());
        System.out.printf("%s: %.0f MB, write %.2f s, load (read+validate+hash) %.2f s; SHA-256 alone %.2f s%n",
                model, Files.size(c.source()) / 1e6, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
        System.out.println(c.description());
    }
}
