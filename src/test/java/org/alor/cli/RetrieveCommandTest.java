package org.alor.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alor.data.ClassInfo;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RetrieveCommandTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new RetrieveCommand()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static Path project(Path dir, Path corpus) {
        try (ProjectStore s = ProjectStore.create(dir)) {
            Map<String, Integer> a = new LinkedHashMap<>();
            a.put("Hirundo rustica", 0);
            a.put("Barn Swallow", 0);
            Map<String, Integer> b = new LinkedHashMap<>();
            b.put("Papilio machaon", 0);
            b.put("Swallowtail", 0);
            s.classTable().replace(List.of(new ClassInfo(0, "Hirundo rustica", null, a), new ClassInfo(1, "Papilio machaon", null, b)));
            if (corpus != null) s.settings().set(Settings.CORPUS, corpus);
        }
        return dir;
    }

    @Test
    void jsonReportPlotAndMetadata_fromTheProjectCorpusSetting(@TempDir Path tmp) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("metadata.csv"), "key,caption,url\n"
                + "1,a Barn Swallow,\n2,barn swallow (Hirundo rustica),\n3,Swallowtail,\n4,nothing,\n5,BARN-SWALLOW,\n");
        Path p = project(tmp.resolve("p"), corpus);
        Path png = tmp.resolve("tail.png");
        Path meta = tmp.resolve("meta.json");
        Path matches = tmp.resolve("m.jsonl");
        Run r = run(p.toString(), "--json", "--plot", png.toString(), "--metadata-out", meta.toString(), "--matches-out", matches.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertThat(o.get("captions_scanned").getAsLong()).isEqualTo(5);
        JsonObject c0 = o.getAsJsonArray("classes").get(0).getAsJsonObject();
        assertThat(c0.get("matched").getAsInt()).isEqualTo(3);
        assertThat(c0.get("kept").getAsInt()).isZero(); // URL-only corpus, no URLs: nothing obtained
        assertThat(c0.get("most_common_name").getAsString()).isEqualTo("Barn Swallow");
        assertThat(c0.getAsJsonObject("synonyms").get("Barn Swallow").getAsInt()).isEqualTo(3);
        assertThat(c0.getAsJsonObject("synonyms").get("Hirundo rustica").getAsInt()).isEqualTo(1);
        assertThat(r.err()).contains("no CLIP checkpoint available for ranking");
        assertThat(Files.size(png)).isGreaterThan(1000);
        assertThat(Files.readString(meta)).contains("\"actual_freq\": 3");
        assertThat(Files.readAllLines(matches)).hasSize(4)
                .contains("{\"shard\":\"metadata.csv\",\"key\":\"2\",\"caption\":\"barn swallow (Hirundo rustica)\","
                        + "\"classes\":{\"0\":[\"Hirundo rustica\",\"Barn Swallow\"]}}");
    }

    @Test
    void tableOutputFromTarShards(@TempDir Path tmp) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("wds"));
        org.alor.retrieval.TestCorporaAccess.shards(corpus);
        Path p = project(tmp.resolve("p"), null);
        Run r = run(p.toString(), "--corpus", corpus.toString(), "--no-rank", "--per-class", "2", "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("most common name").contains("kept").contains("corpus order");
        assertThat(r.err()).contains("retrieve: shards");
    }

    @Test
    void aUserEditedSynonymListReplacesTheProjectsSynonyms(@TempDir Path tmp) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("metadata.csv"), "key,caption,url\n1,a Barn Swallow,\n2,a Chimney swallow,\n3,swallowtail,\n");
        Path p = project(tmp.resolve("p"), corpus);
        Path edited = tmp.resolve("edited.json");
        Files.writeString(edited, "{\"0\": {\"name\": \"Hirundo rustica\", \"alternates\": [\"Hirundo rustica\", \"Barn Swallow\", \"Chimney Swallow\"]},"
                + " \"1\": {\"name\": \"Papilio machaon\", \"alternates\": {\"Swallowtail\": 0}}}");
        Run r = run(p.toString(), "--json", "--synonyms", edited.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonObject c0 = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("classes").get(0).getAsJsonObject();
        assertThat(c0.get("matched").getAsInt()).isEqualTo(2);
        assertThat(c0.getAsJsonObject("synonyms").get("Chimney Swallow").getAsInt()).isEqualTo(1);
        try (ProjectStore s = ProjectStore.open(p)) {
            assertThat(s.classTable().synonyms(1)).extracting(x -> x.synonym()).containsExactly("Swallowtail");
        }
        Files.writeString(edited, "{\"0\": {\"name\": \"Other\"}, \"1\": {\"name\": \"Papilio machaon\"}}");
        Run bad = run(p.toString(), "--synonyms", edited.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("edited.json").contains("class 0 is 'Other'");
    }

    @Test
    void userErrorsAreOneLineWithExitCodes(@TempDir Path tmp) {
        Run noProject = run(tmp.resolve("nope").toString(), "--corpus", tmp.toString());
        assertThat(noProject.code()).isEqualTo(1);
        assertThat(noProject.err()).contains("no ALOR project").doesNotContain("Exception");
        Path p = project(tmp.resolve("p"), null);
        assertThat(run(p.toString()).code()).isEqualTo(2);
        assertThat(run(p.toString(), "--corpus", tmp.toString(), "--format", "zip").code()).isEqualTo(2);
        Run missing = run(p.toString(), "--corpus", tmp.resolve("missing").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("missing").contains("not found");
    }

    @Test
    void anUnreadableCorpusExitsOneNamingTheFileAndKeepsWhatWasRetrieved(@TempDir Path tmp) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("wds"));
        org.alor.retrieval.TestCorporaAccess.shards(corpus);
        Path p = project(tmp.resolve("p"), null);
        Run first = run(p.toString(), "--corpus", corpus.toString(), "--no-rank", "--per-class", "2", "--json");
        assertThat(first.code()).as(first.err()).isZero();
        int kept = JsonParser.parseString(first.out()).getAsJsonObject().get("added").getAsInt();
        assertThat(kept).isPositive();

        byte[] noise = new byte[4096];
        new java.util.Random(4).nextBytes(noise);
        Path parquet = Files.write(tmp.resolve("x.parquet"), noise);
        Path tar = Files.write(tmp.resolve("x.tar"), noise);
        for (Path bad : List.of(parquet, tar)) {
            Run r = run(p.toString(), "--corpus", bad.toString(), "--no-rank", "--per-class", "2");
            assertThat(r.code()).as(bad.toString()).isEqualTo(1);
            assertThat(r.err()).contains("alor retrieve: ").contains(bad.getFileName().toString()).doesNotContain("\tat ");
            assertThat(r.out()).doesNotContain("removed");
        }
        try (ProjectStore s = ProjectStore.open(p)) {
            assertThat(s.sampleTable().bySplit(org.alor.data.Split.RETRIEVED)).hasSize(kept);
        }
    }

    @Test
    void itsReportFilesNeverLandInTheProjectFolderNorOverAFileWithoutForce(@TempDir Path tmp) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("metadata.csv"), "key,caption,url\n1,a Barn Swallow,\n");
        Path p = project(tmp.resolve("p"), corpus);
        byte[] database = Files.readAllBytes(p.resolve("project.alor"));

        Run intoProject = run(p.toString(), "--matches-out", p.resolve("project.alor").toString());
        assertThat(intoProject.code()).isEqualTo(1);
        assertThat(intoProject.err()).contains("is inside the project folder").doesNotContain("Exception");
        assertThat(Files.readAllBytes(p.resolve("project.alor"))).as("the database is untouched").isEqualTo(database);

        Path existing = Files.writeString(tmp.resolve("notes.png"), "mine");
        Run overAFile = run(p.toString(), "--plot", existing.toString());
        assertThat(overAFile.code()).isEqualTo(1);
        assertThat(overAFile.err()).contains("already exists; use --force");
        assertThat(Files.readString(existing)).isEqualTo("mine");

        Run forced = run(p.toString(), "--plot", existing.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(Files.size(existing)).isGreaterThan(1000);
    }
}
