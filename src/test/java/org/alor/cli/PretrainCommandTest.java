package org.alor.cli;

import org.alor.synth.SynthConfig;
import org.alor.synth.SynthWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PretrainCommandTest {
    @TempDir
    Path tmp;

    static final String[] TINY = {"--image-size", "32", "--patch", "8", "--vision-width", "32", "--vision-layers", "1",
            "--head-width", "16", "--text-width", "32", "--text-heads", "2", "--text-layers", "1", "--context", "16",
            "--embed", "32", "--batch", "20", "--epochs", "1", "--threads", "1"};

    private static EmbedZeroShotCommandTest.Run run(Path corpus, Path out, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "--corpus";
        args[1] = corpus.toString();
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return EmbedZeroShotCommandTest.run(new PretrainCommand(), args);
    }

    @Test
    void writesAnOpenClipCheckpointAndLogsTheCommand() throws IOException {
        SynthWorld.create(SynthConfig.defaults().withSpecies(3).withCorpusPairs(60).withShardSize(30).withImageSize(32)
                .withSplitSizes(2, 1, 1, 1)).writeTo(tmp.resolve("w"));
        Path out = tmp.resolve("clip");
        EmbedZeroShotCommandTest.Run r = run(tmp.resolve("w/corpus"), out, TINY);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("pretrained on 60 pairs");
        assertThat(r.err()).contains("epoch 1/1").contains("img/s").contains("ETA");
        assertThat(out.resolve("open_clip_model.safetensors")).exists();
        assertThat(Files.readString(out.resolve("training_log.json"))).contains("alor pretrain --corpus");
    }

    @Test
    void badOptionsAreUsageErrors() {
        EmbedZeroShotCommandTest.Run patch = run(tmp, tmp.resolve("o"), "--image-size", "60", "--patch", "8");
        assertThat(patch.code()).isEqualTo(2);
        assertThat(patch.err()).contains("not a multiple of patch size");
        EmbedZeroShotCommandTest.Run missing = run(tmp.resolve("nope"), tmp.resolve("o"));
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("is not a folder");
    }
}
