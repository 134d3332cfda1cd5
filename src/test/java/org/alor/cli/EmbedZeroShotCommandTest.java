package org.alor.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alor.loop.TinyProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `alor embed` and `alor zero-shot` end to end on a tiny project with a random tiny CLIP. */
class EmbedZeroShotCommandTest {
    @TempDir
    static Path tmp;
    static Path project;

    @BeforeAll
    static void createProject() throws IOException {
        project = TinyProject.create(tmp);
    }

    record Run(int code, String out, String err) {
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void embedThenZeroShotReportsAccuracyMacroF1PerClassAndRho() {
        Run first = run(new EmbedCommand(), project.toString(), "--batch", "8", "--device", "cpu");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("0 already cached").contains("0 unreadable");
        Run second = run(new EmbedCommand(), project.toString(), "--device", "cpu");
        assertThat(second.code()).isZero();
        assertThat(second.out()).contains(", 0 encoded");

        Run json = run(new ZeroShotCommand(), project.toString(), "--json", "--device", "cpu");
        assertThat(json.code()).as(json.err()).isZero();
        JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
        assertThat(o.get("examples").getAsInt()).isEqualTo(4 * 5);
        assertThat(o.get("accuracy").getAsDouble()).isBetween(0.0, 1.0);
        assertThat(o.get("macro_f1").getAsDouble()).isBetween(0.0, 1.0);
        assertThat(o.getAsJsonArray("per_class")).hasSize(4);
        assertThat(o.getAsJsonArray("per_class").get(0).getAsJsonObject().get("support").getAsInt()).isEqualTo(5);
        assertThat(o.getAsJsonArray("per_class").get(0).getAsJsonObject().has("corpus_pairs")).isTrue();
        assertThat(o.has("spearman_rho_accuracy_vs_corpus_pairs") || allAccuraciesEqual(o)).isTrue();
        // per-class accuracies average (equal support) to the overall accuracy
        double mean = 0;
        for (var c : o.getAsJsonArray("per_class")) mean += c.getAsJsonObject().get("accuracy").getAsDouble() / 4;
        assertThat(mean).isEqualTo(o.get("accuracy").getAsDouble(), org.assertj.core.data.Offset.offset(1e-9));

        Run table = run(new ZeroShotCommand(), project.toString(), "--names", "most_common_name", "--device", "cpu");
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("accuracy").contains("macro-F1").contains("support");
    }

    private static boolean allAccuraciesEqual(JsonObject o) {
        return o.getAsJsonArray("per_class").asList().stream()
                .map(c -> c.getAsJsonObject().get("accuracy").getAsDouble()).distinct().count() == 1;
    }

    @Test
    void badUsageExitsWithTwoAndAOneLineCause() {
        Run prompts = run(new ZeroShotCommand(), project.toString(), "--prompts", "ships");
        assertThat(prompts.code()).isEqualTo(2);
        assertThat(prompts.err()).contains("unknown prompt set").doesNotContain("Exception");
        Run names = run(new ZeroShotCommand(), project.toString(), "--names", "latin");
        assertThat(names.code()).isEqualTo(2);
        Run notProject = run(new EmbedCommand(), tmp.resolve("nowhere").toString());
        assertThat(notProject.code()).isEqualTo(2);
        assertThat(notProject.err()).contains("is not an ALOR project");
    }
}
