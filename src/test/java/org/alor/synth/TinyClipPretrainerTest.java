package org.alor.synth;

import ai.djl.Device;
import org.alor.clip.CheckpointLoader;
import org.alor.clip.ClipConfig;
import org.alor.clip.ClipModel;
import org.alor.clip.ClipModelFactory;
import org.alor.clip.LoadedCheckpoint;
import org.alor.clip.Tensor;
import org.alor.job.CancellationToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Pretrains a very small CLIP on a generated 4-species, 100-pair corpus. */
class TinyClipPretrainerTest {
    static final SynthConfig WORLD = SynthConfig.defaults().withSpecies(4).withCorpusPairs(100).withShardSize(50)
            .withImageSize(32).withSplitSizes(4, 2, 1, 1);
    static final ClipConfig TINY = PretrainOptions.tinyClip(32, 32, 8, 32, 1, 16, 16, 32, 2, 1);

    @TempDir
    static Path tmp;
    static Path corpus;

    @BeforeAll
    static void writeWorld() throws IOException {
        SynthWorld.create(WORLD).writeTo(tmp.resolve("world"));
        corpus = tmp.resolve("world/corpus");
    }

    static PretrainOptions options(int epochs) {
        return new PretrainOptions(TINY, epochs, 20, 3, 3e-3, 0.1, 5, 0.8);
    }

    @Test
    void lossFallsAndTheCheckpointLoadsLikeADownloadedOne() throws IOException {
        Path out = tmp.resolve("world/clip");
        PretrainResult r = new TinyClipPretrainer(options(8), 2).run(corpus, out, "test", PretrainListener.NONE, new CancellationToken());

        assertThat(r.pairs()).isEqualTo(100);
        assertThat(r.epochLosses()).hasSize(8);
        // chance level of a 20-way contrastive batch is ln 20 ≈ 3.0; fitting 100 pairs must go clearly below it
        assertThat(r.epochLosses().get(7)).isLessThan(r.epochLosses().get(0) - 0.3).isLessThan(Math.log(20) - 0.2);
        assertThat(r.logitScale()).isBetween(0.0, Math.log(100) + 1e-4);

        assertThat(out.resolve("open_clip_config.json")).exists();
        assertThat(out.resolve("open_clip_model.safetensors")).exists();
        assertThat(Files.readString(out.resolve("training_log.json"))).contains("\"epochs\"", "\"loss\"", "\"seed\": 3");
        assertThat(Files.readString(out.resolve("training_log.md"))).contains("| 8 |");
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
        }

        String readme = TinyClipReadme.section(tmp.resolve("world"));
        assertThat(readme).contains("## Tiny CLIP", "    test\n", "| 8 |", "seed 3");

        LoadedCheckpoint loaded = CheckpointLoader.load(out);
        assertThat(loaded.config().visionWidth()).isEqualTo(32);
        assertThat(loaded.config().contextLength()).isEqualTo(16);
        assertThat(loaded.config().vocabSize()).isEqualTo(49_408);
        assertThat(loaded.config().quickGelu()).isFalse();
        try (ClipModel model = ClipModelFactory.fromLoaded(loaded, Device.cpu())) {
            Tensor scale = model.stateDict().get("logit_scale");
            assertThat((double) scale.data()[0]).isCloseTo(r.logitScale(), within(0.01)); // stored as F16
        }
    }

    @Test
    void damagedShardMembersAreSkippedWithAWarningAndTrainingContinues() throws IOException {
        Path bad = tmp.resolve("bad-corpus");
        Files.createDirectories(bad);
        Path shard0 = corpus.resolve("shard-00000.tar");
        Path shard1 = corpus.resolve("shard-00001.tar");
        // shard 0: cut in the middle of a member → the rest of that shard is lost
        byte[] s0 = Files.readAllBytes(shard0);
        Files.write(bad.resolve("shard-00000.tar"), java.util.Arrays.copyOf(s0, s0.length / 2 + 100));
        // shard 1: one caption in Latin-1 with a non-ASCII byte (not UTF-8) → that pair is skipped
        Map<String, byte[]> members = UstarReader.members(Files.readAllBytes(shard1));
        String victim = members.keySet().stream().filter(n -> n.endsWith(".txt")).findFirst().orElseThrow();
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        try (UstarWriter w = new UstarWriter(rewritten)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                w.add(m.getKey(), m.getKey().equals(victim)
                        ? "Cr\u00e8me-headed bird".getBytes(StandardCharsets.ISO_8859_1) : m.getValue());
            }
        }
        Files.write(bad.resolve("shard-00001.tar"), rewritten.toByteArray());

        List<String> warnings = new ArrayList<>();
        PretrainListener listener = new PretrainListener() {
            @Override
            public void onWarning(String message) {
                warnings.add(message);
            }
        };
        PretrainResult r = new TinyClipPretrainer(options(1), 1).run(bad, tmp.resolve("bad-ckpt"), null, listener, new CancellationToken());

        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("shard-00000.tar").contains("truncated"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("shard-00001.tar").contains(victim).contains("UTF-8"));
        assertThat(r.pairs()).isGreaterThan(50).isLessThan(100 - 1);
        assertThat(tmp.resolve("bad-ckpt/open_clip_model.safetensors")).exists();
    }

    @Test
    void anInterruptedRunLeavesThePreviousCheckpointUntouched() throws IOException {
        Path out = tmp.resolve("kept");
        Files.createDirectories(out);
        Files.writeString(out.resolve("marker.txt"), "previous");
        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> new TinyClipPretrainer(options(3), 1)
                .run(corpus, out, null, PretrainListener.NONE, CancellationToken.following(() -> polls.incrementAndGet() > 4)))
                .isInstanceOf(CancellationException.class);
        assertThat(Files.readString(out.resolve("marker.txt"))).isEqualTo("previous");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
        }
    }
}
