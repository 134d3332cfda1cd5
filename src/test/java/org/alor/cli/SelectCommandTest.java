package org.alor.cli;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alor.select.TfsFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SelectCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        int[] selected() {
            JsonArray a = JsonParser.parseString(out).getAsJsonObject().getAsJsonArray("selected");
            int[] s = new int[a.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = a.get(i).getAsInt();
            }
            return s;
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SelectCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path write(String name, String json) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, json, StandardCharsets.UTF_8);
        return p;
    }

    static List<TfsFixtures.Case> fixtureCases() {
        return TfsFixtures.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureCases")
    void tfsOnEachFixtureCaseReproducesExpected(TfsFixtures.Case c) throws IOException {
        Path file = write(c.name() + ".json", new Gson().toJson(c)); // the case object as stored, "expected" included

        Run r = run("--strategy", "tfs", "--input", file.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.selected()).containsExactly(c.expected());
        JsonObject out = JsonParser.parseString(r.out()).getAsJsonObject();
        assertThat(out.getAsJsonArray("reasons")).hasSize(c.expected().length);
        assertThat(out.getAsJsonArray("reasons").get(0).getAsString()).startsWith("tail class ");
    }

    @Test
    void budgetOptionOverridesTheFile() throws IOException {
        TfsFixtures.Case c = fixtureCases().get(0);
        Path file = write("case.json", new Gson().toJson(c));

        Run r = run("--strategy", "tfs", "--input", file.toString(), "--budget", "2");

        assertThat(r.selected()).containsExactly(c.expected()[0], c.expected()[1]);
    }

    @Test
    void seedAndFeaturesReachTheStrategy() throws IOException {
        Path file = write("f.json", "{\"probabilities\": [[0.5,0.5],[0.9,0.1],[0.2,0.8],[0.6,0.4]],"
                + " \"classCounts\": [1, 2], \"features\": [[1,0],[0,1],[1,1],[-1,0]],"
                + " \"labeledFeatures\": [[1,0.1]], \"labeledClasses\": [0], \"budget\": 2}");

        Run a = run("--strategy", "coreset", "--input", file.toString());
        Run b = run("--strategy", "random", "--input", file.toString(), "--seed", "1");
        Run b2 = run("--strategy", "random", "--input", file.toString(), "--seed", "1");

        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.selected()).containsExactly(3, 1); // [-1,0] is farthest from [1,0.1]; then [0,1]
        assertThat(b.selected()).hasSize(2).containsExactly(b2.selected());
    }

    private Run runOn(String strategy, String json) throws IOException {
        Path file = write("bad.json", json);
        return run("--strategy", strategy, "--input", file.toString());
    }

    @Test
    void malformedInputsGiveOneLineErrorsNamingFileAndProblem() throws IOException {
        String ok = "\"classCounts\": [1, 2], \"budget\": 1";
        assertError(runOn("tfs", "{\"probabilities\": [[0.5,0.5],[1.0]], " + ok + "}"), "ragged");
        assertError(runOn("tfs", "{\"probabilities\": [[0.5,0.2]], " + ok + "}"), "row 0 sums to");
        assertError(runOn("tfs", "{" + ok + "}"), "missing field \"probabilities\"");
        assertError(runOn("tfs", "{\"probabilities\": [[0.5,0.5]], \"budget\": 1}"), "missing field \"classCounts\"");
        assertError(runOn("tfs", "{\"probabilities\": [[0.5,0.5,0.0]], " + ok + "}"), "has 3 values but \"classCounts\" has 2");
        assertError(runOn("tfs", "{\"probabilities\": [[0.5,\"x\"]], " + ok + "}"), "probabilities[0][1] is not a number");
        assertError(runOn("tfs", "{\"probabilities\": [[0.5,0.5]], " + ok), "not valid JSON");
        assertError(runOn("coreset", "{\"probabilities\": [[0.5,0.5]], " + ok + "}"), "needs \"features\"");
        assertError(runOn("coreset", "{\"probabilities\": [[0.5,0.5]], \"features\": [[1,2]], " + ok + "}"),
                "needs \"labeledFeatures\"");
        assertError(runOn("alfamix", "{\"probabilities\": [[0.5,0.5]], \"features\": [[1,2]], "
                + "\"labeledFeatures\": [[1,2]], \"labeledClasses\": [0], " + ok + "}"), "needs \"classifierWeights\"");
        assertError(runOn("tfs", "{\"probabilities\": [[0.5,0.5]], \"features\": [[1],[2]], " + ok + "}"),
                "\"features\" has 2 rows");
    }

    private void assertError(Run r, String what) {
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(dir.resolve("bad.json").toString()).contains(what);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void missingFileAndBadUsage() {
        Run missing = run("--strategy", "tfs", "--input", dir.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.json: file not found");

        Run unknown = run("--strategy", "margin", "--input", "x.json");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown selection strategy 'margin'");

        assertThat(run("--input", "x.json").exit()).isEqualTo(2);
    }

    @Test
    void budgetMustComeFromFileOrOption() throws IOException {
        Path file = write("nobudget.json", "{\"probabilities\": [[0.5,0.5]], \"classCounts\": [0,0]}");

        Run r = run("--strategy", "entropy", "--input", file.toString());
        JsonElement withOption = JsonParser.parseString(
                run("--strategy", "entropy", "--input", file.toString(), "--budget", "1").out());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no \"budget\"");
        assertThat(withOption.getAsJsonObject().getAsJsonArray("selected").get(0).getAsInt()).isZero();
    }
}
