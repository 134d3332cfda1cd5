package org.alor.cli;

import org.alor.loop.TinyProject;
import org.alor.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18 item 6 from the command line: a NaN checkpoint and a garbage feature file are named, exit 1. */
class NonFiniteCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void zeroShotWithAnAllNaNCheckpointFailsBlamingTheCheckpoint() throws IOException {
        Path project = TinyProject.create(tmp);
        Path safetensors = checkpointFile(project);
        fillDataWith(safetensors, Float.NaN);

        CliRun zs = CliRun.of("zero-shot", project.toString(), "--device", "cpu");
        assertThat(zs.exitCode()).as(zs.out() + zs.err()).isEqualTo(1);
        assertThat(zs.err()).contains("not finite").contains("checkpoint").doesNotContain("accuracy");
        assertThat(zs.out()).doesNotContain("accuracy");
    }

    @Test
    void aRoundOnAFeatureFileOfRandomBytesFailsAskingToReEmbed() throws IOException {
        Path project = TinyProject.create(tmp);
        CliRun embed = CliRun.of("embed", project.toString(), "--device", "cpu");
        assertThat(embed.exitCode()).as(embed.err()).isZero();
        Path block;
        try (Stream<Path> files = Files.walk(project.resolve(ProjectStore.FEATURES_DIR))) {
            block = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] noise = new byte[(int) Files.size(block)];
        new Random(5).nextBytes(noise);
        for (int i = 3; i < noise.length; i += 64) noise[i] = (byte) 0x7F; // and make sure some are NaN/∞
        for (int i = 2; i < noise.length; i += 64) noise[i] = (byte) 0xC0;
        Files.write(block, noise);

        for (int attempt = 0; attempt < 2; attempt++) {
            CliRun round = CliRun.of("round", project.toString(), "--oracle", "--method", "lp", "--device", "cpu");
            assertThat(round.exitCode()).as(round.out() + round.err()).isEqualTo(1);
            assertThat(round.err()).contains("image features").contains("not finite").contains("alor embed")
                    .doesNotContain("constraint");
        }
    }

    private static Path checkpointFile(Path project) throws IOException {
        try (Stream<Path> files = Files.walk(project.getParent().resolve("ckpt"))) {
            return files.filter(p -> p.toString().endsWith(".safetensors")).findFirst().orElseThrow();
        }
    }

    /** Overwrites every tensor byte of a float32 safetensors file with {@code value}, keeping its header. */
    private static void fillDataWith(Path safetensors, float value) throws IOException {
        byte[] bytes = Files.readAllBytes(safetensors);
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = (int) (8 + headerLength); at + 4 <= bytes.length; at += 4) data.putFloat(at, value);
        Files.write(safetensors, bytes);
    }
}
