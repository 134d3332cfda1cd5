package org.alor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizeCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new TokenizeCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void printsOnePaddedRowPerTextArgument() {
        assertThat(run("--context", "8", "boeing 707", "DC-3")).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "[49406,11857,278,271,278,49407,0,0]",
                "[49406,2743,268,274,49407,0,0,0]");
    }

    @Test
    void defaultContextIs77AndBpeOnlyDropsSpecialTokens() {
        assertThat(run("boeing 707")).isZero();
        assertThat(out.toString().trim().split(",")).hasSize(77);
        out.getBuffer().setLength(0);
        assertThat(run("--bpe-only", "boeing 707")).isZero();
        assertThat(out.toString().trim()).isEqualTo("[11857,278,271,278]");
    }

    @Test
    void readsEveryLineOfTheInputFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("names.txt");
        Files.writeString(file, "DC-3\n\nboeing 707\n", StandardCharsets.UTF_8);
        assertThat(run("--context", "4", "--input", file.toString())).isZero();
        assertThat(out.toString().lines()).containsExactly("[49406,2743,268,49407]", "[49406,49407,0,0]", "[49406,11857,278,49407]");
    }

    @Test
    void readsStdinWhenNoTextAndNoFile() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("DC-3\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(run("--bpe-only")).isZero();
        } finally {
            System.setIn(saved);
        }
        assertThat(out.toString().trim()).isEqualTo("[2743,268,274]");
    }

    @Test
    void missingFileFailsWithOneLineCause(@TempDir Path dir) {
        assertThat(run("--input", dir.resolve("nope.txt").toString())).isEqualTo(1);
        assertThat(err.toString().trim()).contains("nope.txt").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void acceptsAnExplicitMergesFileAndRejectsABadOne(@TempDir Path dir) throws Exception {
        assertThat(run("--bpe-only", "--tokenizer", "src/test/resources/fixtures/clip-tokenizer/bpe_simple_vocab_16e6.txt.gz",
                "boeing 707")).isZero();
        assertThat(out.toString().trim()).isEqualTo("[11857,278,271,278]");
        Path bad = Files.writeString(dir.resolve("tokenizer.json"), "{\"model\": 3}");
        assertThat(run("--tokenizer", bad.toString(), "x")).isEqualTo(1);
        assertThat(err.toString().trim()).contains("tokenizer.json").hasLineCount(1);
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(run("--context", "1", "x")).isEqualTo(2);
        assertThat(run("--context", "abc", "x")).isEqualTo(2);
    }
}
