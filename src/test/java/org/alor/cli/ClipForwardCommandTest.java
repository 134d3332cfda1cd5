package org.alor.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.alor.clip.DjlSafetensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ClipForwardCommandTest {
    private static final Path TINY = Path.of("src/test/resources/fixtures/clip-tiny");

    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new ClipForwardCommand());
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    @Test
    void writesEmbeddingsAndLogitsMatchingTheFixture() throws Exception {
        Path out = tmp.resolve("out.safetensors");
        int code = run("--checkpoint", TINY.toString(), "--inputs", TINY.resolve("inputs.safetensors").toString(),
                "--output", out.toString(), "--device", "cpu", "--batch", "2");
        assertThat(code).as(err.toString()).isZero();
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDList got = DjlSafetensors.read(m, out);
            NDList want = DjlSafetensors.read(m, TINY.resolve("expected.safetensors"));
            for (String name : new String[] {"image_embeds", "text_embeds", "logits_per_image"}) {
                NDArray g = got.get(name);
                NDArray w = want.get(name);
                assertThat(g).as(name).isNotNull();
                assertThat(g.getShape()).isEqualTo(w.getShape());
                assertThat(g.sub(w).abs().max().getFloat()).as(name).isLessThan(1e-4f);
            }
        }
    }

    @Test
    void textOnlyInputsGiveOnlyTextEmbeddings() throws Exception {
        Path in = tmp.resolve("ids.safetensors");
        Path out = tmp.resolve("out.safetensors");
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray ids = DjlSafetensors.read(m, TINY.resolve("inputs.safetensors")).get("input_ids");
            DjlSafetensors.write(in, new NDList(ids));
        }
        assertThat(run("--checkpoint", TINY.toString(), "--inputs", in.toString(), "--output", out.toString()))
                .as(err.toString()).isZero();
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDList got = DjlSafetensors.read(m, out);
            assertThat(got).hasSize(1);
            assertThat(got.get(0).getName()).isEqualTo("text_embeds");
        }
    }

    @Test
    void missingFilesAndMissingTensorsFailWithOneLine() throws Exception {
        Path out = tmp.resolve("out.safetensors");
        assertThat(run("--checkpoint", tmp.toString(), "--inputs", TINY.resolve("inputs.safetensors").toString(),
                "--output", out.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no CLIP weights found in " + tmp).doesNotContain("\tat ");

        Path other = tmp.resolve("other.safetensors");
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = m.zeros(new ai.djl.ndarray.types.Shape(2));
            x.setName("something_else");
            DjlSafetensors.write(other, new NDList(x));
        }
        err.getBuffer().setLength(0);
        assertThat(run("--checkpoint", TINY.toString(), "--inputs", other.toString(), "--output", out.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("has neither pixel_values nor input_ids");
        assertThat(Files.exists(out)).isFalse();

        err.getBuffer().setLength(0);
        Path garbage = Files.writeString(tmp.resolve("garbage.safetensors"), "not a tensor file at all");
        assertThat(run("--checkpoint", TINY.toString(), "--inputs", garbage.toString(), "--output", out.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("garbage.safetensors").doesNotContain("\tat ");
    }

    @Test
    void missingOptionIsAUsageError() {
        assertThat(run("--checkpoint", TINY.toString())).isEqualTo(2);
    }
}
