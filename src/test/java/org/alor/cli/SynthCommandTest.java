package org.alor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SynthCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter(), err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new SynthCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void writesASmallWorld() {
        Path dir = tmp.resolve("w");
        assertThat(run("--out", dir.toString(), "--seed", "3", "--species", "4", "--corpus", "40", "--image-size", "32",
                "--shard-size", "20")).isZero();
        assertThat(out.toString()).contains("wrote synthetic world (seed 3, 4 species, 40 corpus pairs, 32 px)");
        assertThat(dir.resolve("pool.txt")).exists();
        assertThat(dir.resolve("corpus/shard-00001.tar")).exists();
        assertThat(dir.resolve("README.md")).content().contains("alor synth --out DIR --seed 3 --species 4 --corpus 40 --image-size 32 --shard-size 20");
        assertThat(run("--ensure-corpus", dir.toString())).isZero();
        assertThat(out.toString()).contains("corpus present");
    }

    @Test
    void missingOutputIsBadUsage() {
        assertThat(run("--seed", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("--out");
    }

    @Test
    void impossibleConfigIsBadUsageWithOneLine() {
        assertThat(run("--out", tmp.resolve("x").toString(), "--species", "1")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("alor synth: species must be between 2 and 1000, got 1");
    }

    @Test
    void ensureCorpusWithoutWorldJsonFailsNamingTheFile() {
        assertThat(run("--ensure-corpus", tmp.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("world.json").contains("not found").doesNotContain("Exception");
    }

    @Test
    void foreignFolderIsRefused() throws Exception {
        Files.writeString(tmp.resolve("keep.txt"), "x");
        assertThat(run("--out", tmp.toString(), "--species", "3", "--corpus", "5")).isEqualTo(1);
        assertThat(err.toString()).contains("not empty");
    }
}
