package org.alor.clip;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClipTokenizerTest {
    record Case(String text, int[] bpeIds, long[] context77) {
    }

    static JsonObject expected;
    static List<Case> cases;

    @BeforeAll
    static void loadFixture() throws IOException {
        try (InputStream in = ClipTokenizerTest.class.getResourceAsStream("/fixtures/clip-tokenizer/expected.json")) {
            expected = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
        cases = new ArrayList<>();
        for (JsonElement e : expected.getAsJsonArray("cases")) {
            JsonObject c = e.getAsJsonObject();
            JsonArray bpe = c.getAsJsonArray("bpe_ids");
            JsonArray ctx = c.getAsJsonArray("context77");
            cases.add(new Case(c.get("text").getAsString(),
                    IntStream.range(0, bpe.size()).map(i -> bpe.get(i).getAsInt()).toArray(),
                    IntStream.range(0, ctx.size()).mapToLong(i -> ctx.get(i).getAsLong()).toArray()));
        }
        assertThat(cases).hasSize(680);
    }

    @Test
    void bundledTokenizerMatchesEveryFixtureCase() {
        assertMatchesFixture(ClipTokenizer.bundled());
    }

    @Test
    void specialTokensAndVocabularySizeAreClips() {
        ClipTokenizer t = ClipTokenizer.bundled();
        assertThat(t.sotToken()).isEqualTo(expected.get("sot").getAsInt()).isEqualTo(49406);
        assertThat(t.eotToken()).isEqualTo(expected.get("eot").getAsInt()).isEqualTo(49407);
        assertThat(t.vocabSize()).isEqualTo(expected.get("vocab_size").getAsInt());
    }

    @Test
    void bundledIsOneSharedInstanceAcrossThreads() throws InterruptedException {
        ConcurrentLinkedQueue<ClipTokenizer> seen = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread th = new Thread(() -> seen.add(ClipTokenizer.bundled()));
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) th.join();
        assertThat(seen).hasSize(4).allMatch(t -> t == ClipTokenizer.bundled());
    }

    @Test
    void mergesFileFromDiskGivesTheSameIdsAsTheBundledOne() throws IOException {
        Path gz = Path.of("src/test/resources/fixtures/clip-tokenizer/bpe_simple_vocab_16e6.txt.gz");
        assertMatchesFixture(ClipTokenizer.fromMergesFile(gz));
    }

    @Test
    void huggingFaceVocabAndMergesGiveIdenticalIds(@TempDir Path dir) throws IOException {
        HfFilesFromBundled.write(dir);
        ClipTokenizer hf = ClipTokenizer.fromVocabAndMerges(dir.resolve("vocab.json"), dir.resolve("merges.txt"));
        assertThat(hf.sotToken()).isEqualTo(49406);
        assertThat(hf.eotToken()).isEqualTo(49407);
        assertMatchesFixture(hf);
        assertThat(ClipTokenizer.forCheckpointFolder(dir).encode("a photo of a bird"))
                .containsExactly(ClipTokenizer.bundled().encode("a photo of a bird"));
    }

    @Test
    void huggingFaceTokenizerJsonGivesIdenticalIds(@TempDir Path dir) throws IOException {
        HfFilesFromBundled.writeTokenizerJson(dir.resolve("tokenizer.json"));
        assertMatchesFixture(ClipTokenizer.fromTokenizerJson(dir.resolve("tokenizer.json")));
    }

    @Test
    void huggingFaceIdsAreTakenFromVocabJson(@TempDir Path dir) throws IOException {
        // shift every id by 7: a reader that rebuilt ids from the merge order would ignore the shift
        HfFilesFromBundled.write(dir, 7);
        ClipTokenizer hf = ClipTokenizer.fromVocabAndMerges(dir.resolve("vocab.json"), dir.resolve("merges.txt"));
        assertThat(hf.sotToken()).isEqualTo(49406 + 7);
        assertThat(hf.encode("boeing 707")).containsExactly(11857 + 7, 278 + 7, 271 + 7, 278 + 7);
        // digits are single-digit words in CLIP, so the reference decodes them with word ends
        assertThat(hf.decode(hf.encode("boeing 707"))).isEqualTo("boeing 7 0 7 ");
    }

    @Test
    void folderWithoutTokenizerFilesUsesTheBundledVocabulary(@TempDir Path dir) throws IOException {
        assertThat(ClipTokenizer.forCheckpointFolder(dir)).isSameAs(ClipTokenizer.bundled());
    }

    @Test
    void truncationKeepsTheEndToken() {
        ClipTokenizer t = ClipTokenizer.bundled();
        long[] row = t.tokenize("a a a a a a a a a a", 5);
        assertThat(row).containsExactly(49406, 320, 320, 320, 49407);
        assertThat(t.tokenize("", 4)).containsExactly(49406, 49407, 0, 0);
        assertThatThrownBy(() -> t.tokenize("x", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(t.tokenize(List.of("a", "b"), 77)).hasDimensions(2, 77);
    }

    @Test
    void decodeRestoresCleanedTextWithWordEnds() {
        ClipTokenizer t = ClipTokenizer.bundled();
        assertThat(t.decode(t.encode("Crème  brûlée &amp; Anna's 🐦"))).isEqualTo("crème brûlée & anna 's 🐦 ");
    }

    @Test
    void specialTokenTextMapsToItsId() {
        assertThat(ClipTokenizer.bundled().encode("<|endoftext|> hi")).containsExactly(49407, 1883);
    }

    @Test
    void badHuggingFaceFilesNameTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("vocab.json"), "{\"a\": 0}");
        Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\n");
        assertThatThrownBy(() -> ClipTokenizer.fromVocabAndMerges(dir.resolve("vocab.json"), dir.resolve("merges.txt")))
                .hasMessageContaining("vocab.json").hasMessageContaining("<|startoftext|>");
        Files.writeString(dir.resolve("vocab.json"), "[1,2]");
        assertThatThrownBy(() -> ClipTokenizer.fromVocabAndMerges(dir.resolve("vocab.json"), dir.resolve("merges.txt")))
                .hasMessageContaining("vocab.json");
        Files.writeString(dir.resolve("bad.txt"), "#version\ni n\nthree parts here\n");
        assertThatThrownBy(() -> ClipTokenizer.fromMergesFile(dir.resolve("bad.txt")))
                .hasMessageContaining("bad.txt");
    }

    private static void assertMatchesFixture(ClipTokenizer t) {
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            int[] ids = t.encode(c.text());
            long[] row = t.tokenize(c.text(), 77);
            if (!java.util.Arrays.equals(ids, c.bpeIds()) || !java.util.Arrays.equals(row, c.context77())) {
                failures.add(c.text() + " → " + java.util.Arrays.toString(ids) + " want " + java.util.Arrays.toString(c.bpeIds()));
            }
        }
        assertThat(failures).isEmpty();
    }
}
