package org.alor.clip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointLoaderTest {
    static final Path TINY = Path.of("src/test/resources/fixtures/clip-tiny");

    @TempDir
    Path tmp;

    @Test
    void allThreeLayoutsLoadToTheSameValidatedWeights() throws IOException {
        LoadedCheckpoint st = CheckpointLoader.load(TINY);
        LoadedCheckpoint bin = CheckpointLoader.load(TINY.resolve("open_clip_pytorch_model.bin"));
        LoadedCheckpoint hf = CheckpointLoader.load(TINY.resolve("hf"));

        assertThat(st.source().getFileName().toString()).isEqualTo("open_clip_model.safetensors");
        assertThat(bin.source().getFileName().toString()).isEqualTo("open_clip_pytorch_model.bin");
        assertThat(hf.source().getFileName().toString()).isEqualTo("model.safetensors");
        StateDict reference = SafetensorsFile.readAll(TINY.resolve("open_clip_model.safetensors"));
        for (LoadedCheckpoint c : new LoadedCheckpoint[] {st, bin, hf}) {
            ClipConfigsTest.assertTiny(c.config());
            assertThat(c.weights().names()).as(c.source().toString()).containsExactlyElementsOf(reference.names());
            for (Tensor t : reference.tensors()) {
                Tensor got = c.weights().get(t.name());
                assertThat(got.shape()).as(c.source() + " " + t.name()).isEqualTo(t.shape());
                assertThat(got.data()).as(c.source() + " " + t.name()).containsExactly(t.data());
            }
            assertThat(c.parameterCount()).isEqualTo(ClipTensorLayout.parameterCount(c.config()));
            assertThat(CheckpointValidator.check(c.config(), c.weights()).ok()).isTrue();
        }
        assertThat(st.contentHash()).isEqualTo("d5928641ee3117de8af6bc95b103c17bd0e244645d72cb751808919d3e7d5cce");
        assertThat(bin.contentHash()).isEqualTo("74d3087bd1904f5a31fa1a80ca6b99b34fd4fc0c5dda25f0eb9d0387e6f66bdb");
        assertThat(hf.contentHash()).isEqualTo("c1b93c663415343cadb7cf637225b91e8769c58bed7539cf0cf26594d862c718");
        assertThat(st.description()).contains("OpenCLIP", "32px/8", "width 64", "safetensors F32", "open_clip_config.json");
        assertThat(bin.description()).contains("PyTorch zip F32");
        assertThat(hf.description()).contains("Hugging Face", "config.json");
    }

    @Test
    void missingTensorIsNamed() throws IOException {
        StateDict sd = tinyWeights();
        sd.remove("visual.transformer.resblocks.1.ln_2.bias");
        Path dir = openClipFolder("missing", sd);
        assertThatThrownBy(() -> CheckpointLoader.load(dir)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("1 missing tensor").hasMessageContaining("visual.transformer.resblocks.1.ln_2.bias")
                .hasMessageContaining(dir.resolve("open_clip_model.safetensors").toString());
    }

    @Test
    void reshapedTensorIsNamedWithBothShapes() throws IOException {
        StateDict sd = tinyWeights();
        Tensor proj = sd.get("visual.proj");
        sd.put(new Tensor("visual.proj", new long[] {32, 64}, proj.data()));
        Path dir = openClipFolder("reshaped", sd);
        assertThatThrownBy(() -> CheckpointLoader.load(dir))
                .hasMessageContaining("visual.proj: expected [64, 32], got [32, 64]");
    }

    @Test
    void unexpectedTensorIsNamedButHarmlessBuffersAreIgnored() throws IOException {
        StateDict sd = tinyWeights();
        sd.put(new Tensor("attn_mask", new long[] {16, 16}, new float[256]));
        sd.put(new Tensor("text_model.embeddings.position_ids", new long[] {1, 16}, new float[16]));
        Path ok = openClipFolder("buffers", sd);
        assertThat(CheckpointLoader.load(ok).weights().names()).doesNotContain("attn_mask");

        sd.put(new Tensor("visual.extra_token", new long[] {5}, new float[5]));
        Path dir = openClipFolder("extra", sd);
        assertThatThrownBy(() -> CheckpointLoader.load(dir)).hasMessageContaining("1 unexpected tensor")
                .hasMessageContaining("visual.extra_token").hasMessageNotContaining("attn_mask");
    }

    @Test
    void everyProblemIsListedInOneMessage() throws IOException {
        StateDict sd = tinyWeights();
        sd.remove("ln_final.bias");
        sd.remove("logit_scale");
        sd.put(new Tensor("token_embedding.weight", new long[] {999, 64}, new float[999 * 64]));
        sd.put(new Tensor("visual.bonus", new long[] {1}, new float[1]));
        Path dir = openClipFolder("many", sd);
        assertThatThrownBy(() -> CheckpointLoader.load(dir)).hasMessageContaining("2 missing tensors")
                .hasMessageContaining("ln_final.bias").hasMessageContaining("logit_scale")
                .hasMessageContaining("token_embedding.weight: expected [1000, 64], got [999, 64]")
                .hasMessageContaining("visual.bonus");
    }

    @Test
    void findsTheHuggingFaceHubCacheSnapshot() throws IOException {
        Path hub = tmp.resolve("hub");
        Path repo = hub.resolve("models--alor--clip-tiny");
        Path blobs = Files.createDirectories(repo.resolve("blobs"));
        Files.copy(TINY.resolve("hf/model.safetensors"), blobs.resolve("c1b93c66"));
        Files.copy(TINY.resolve("hf/config.json"), blobs.resolve("f00d"));
        Path snap = Files.createDirectories(repo.resolve("snapshots/abc123"));
        link(snap.resolve("model.safetensors"), blobs.resolve("c1b93c66"));
        link(snap.resolve("config.json"), blobs.resolve("f00d"));
        Path stale = Files.createDirectories(repo.resolve("snapshots/zzz999"));
        Files.writeString(stale.resolve("config.json"), "{}");
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs/main"), "abc123");

        LoadedCheckpoint fromRepo = CheckpointLoader.load(repo);
        assertThat(fromRepo.source()).isEqualTo(snap.resolve("model.safetensors"));
        assertThat(fromRepo.contentHash()).isEqualTo("c1b93c663415343cadb7cf637225b91e8769c58bed7539cf0cf26594d862c718");
        ClipConfigsTest.assertTiny(fromRepo.config());
        assertThat(CheckpointLoader.load(hub).source()).isEqualTo(snap.resolve("model.safetensors"));
        assertThat(CheckpointLoader.load(snap).source()).isEqualTo(snap.resolve("model.safetensors"));

        Files.createDirectories(hub.resolve("models--other--model/snapshots"));
        assertThatThrownBy(() -> CheckpointLoader.load(hub)).hasMessageContaining("several models")
                .hasMessageContaining("models--alor--clip-tiny").hasMessageContaining("models--other--model");
    }

    private static void link(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, link.getParent().relativize(target));
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(target, link);
        }
    }

    @Test
    void builtInConfigIsChosenByTheNameInThePath() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("CLIP-ViT-B-16-laion"));
        Files.copy(TINY.resolve("open_clip_model.safetensors"), dir.resolve("open_clip_model.safetensors"));
        assertThatThrownBy(() -> CheckpointLoader.load(dir)).hasMessageContaining("built-in ViT-B-16 (guessed from the path)")
                .hasMessageContaining("visual.conv1.weight: expected [768, 3, 16, 16], got [64, 3, 8, 8]");
    }

    @Test
    void builtInConfigIsChosenByAHint() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("weights"));
        Path file = Files.copy(TINY.resolve("open_clip_model.safetensors"), dir.resolve("w.safetensors"));
        assertThatThrownBy(() -> CheckpointLoader.load(file, "ViT-L-14")).hasMessageContaining("built-in ViT-L-14 (given)")
                .hasMessageContaining("visual.class_embedding: expected [1024], got [64]");
        assertThatThrownBy(() -> CheckpointLoader.load(file, "ViT-Q-99")).hasMessageContaining("unknown model name 'ViT-Q-99'")
                .hasMessageContaining("ViT-B-32");
    }

    @Test
    void configIsInferredFromShapesWhenNothingElseIsKnown() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("weights"));
        Files.copy(TINY.resolve("open_clip_pytorch_model.bin"), dir.resolve("tiny.pt"));
        LoadedCheckpoint c = CheckpointLoader.load(dir);
        assertThat(c.description()).contains("inferred from tensor shapes");
        assertThat(c.config().visionWidth()).isEqualTo(64);
        assertThat(c.config().imageSize()).isEqualTo(32);
        assertThat(c.weights().names()).containsExactlyElementsOf(tinyWeights().names());
    }

    @Test
    void readableErrorsForMissingOrAmbiguousWeights() throws IOException {
        assertThatThrownBy(() -> CheckpointLoader.load(tmp.resolve("nope"))).hasMessageContaining("does not exist")
                .hasMessageContaining("nope");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> CheckpointLoader.load(empty)).hasMessageContaining("no CLIP weights found")
                .hasMessageContaining("notes.txt");
        Path two = Files.createDirectories(tmp.resolve("two"));
        Files.copy(TINY.resolve("open_clip_model.safetensors"), two.resolve("a.safetensors"));
        Files.copy(TINY.resolve("open_clip_model.safetensors"), two.resolve("b.safetensors"));
        assertThatThrownBy(() -> CheckpointLoader.load(two)).hasMessageContaining("several weight files")
                .hasMessageContaining("a.safetensors, b.safetensors");
        Path garbage = Files.writeString(tmp.resolve("garbage.safetensors"), "definitely not tensors");
        assertThatThrownBy(() -> CheckpointLoader.load(garbage)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("garbage.safetensors");
    }

    @Test
    void formatIsDetectedByContentNotExtension() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("renamed"));
        Files.copy(TINY.resolve("open_clip_config.json"), dir.resolve("open_clip_config.json"));
        Files.copy(TINY.resolve("open_clip_model.safetensors"), dir.resolve("epoch_32.pt"));
        LoadedCheckpoint c = CheckpointLoader.load(dir);
        assertThat(c.description()).contains("safetensors F32");
        Files.delete(dir.resolve("epoch_32.pt"));
        Files.copy(TINY.resolve("open_clip_pytorch_model.bin"), dir.resolve("weights.safetensors"));
        assertThat(CheckpointLoader.load(dir).description()).contains("PyTorch zip F32");
    }

    @Test
    void maliciousPickleIsRefusedThroughTheLoader() throws IOException {
        byte[] pickle = new PickleBytes().proto(2).global("os", "system").str("id").op(0x85).op('R').stop().bytes();
        Path dir = Files.createDirectories(tmp.resolve("evil"));
        PickleBytes.torchZip(dir.resolve("open_clip_pytorch_model.bin"), pickle, Map.of());
        assertThatThrownBy(() -> CheckpointLoader.load(dir)).hasMessageContaining("refused").hasMessageContaining("os.system");
    }

    private static StateDict tinyWeights() throws IOException {
        return SafetensorsFile.readAll(TINY.resolve("open_clip_model.safetensors"));
    }

    private Path openClipFolder(String name, StateDict sd) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.copy(TINY.resolve("open_clip_config.json"), dir.resolve("open_clip_config.json"));
        SafetensorsWriter.write(dir.resolve("open_clip_model.safetensors"), sd);
        return dir;
    }
}
