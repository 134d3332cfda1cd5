package org.alor.clip;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes Hugging Face tokenizer files built independently from the bundled CLIP merges list. */
final class HfFilesFromBundled {
    private HfFilesFromBundled() {
    }

    static void write(Path dir) throws IOException {
        write(dir, 0);
    }

    /** vocab.json (ids shifted by idOffset) and merges.txt with its #version header. */
    static void write(Path dir, int idOffset) throws IOException {
        List<String> merges = merges();
        Files.writeString(dir.resolve("vocab.json"), new Gson().toJson(vocab(merges, idOffset)), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\n" + String.join("\n", merges) + "\n",
                StandardCharsets.UTF_8);
    }

    static void writeTokenizerJson(Path file) throws IOException {
        List<String> merges = merges();
        JsonObject model = new JsonObject();
        model.addProperty("type", "BPE");
        model.add("vocab", vocab(merges, 0));
        JsonArray m = new JsonArray();
        for (int i = 0; i < merges.size(); i++) {
            String[] parts = merges.get(i).split(" ");
            if (i % 2 == 0) {
                m.add(merges.get(i)); // older tokenizers write "a b"
            } else {
                JsonArray pair = new JsonArray(); // newer ones write ["a", "b"]
                pair.add(parts[0]);
                pair.add(parts[1]);
                m.add(pair);
            }
        }
        model.add("merges", m);
        JsonObject root = new JsonObject();
        root.add("model", model);
        Files.writeString(file, new Gson().toJson(root), StandardCharsets.UTF_8);
    }

    private static JsonObject vocab(List<String> merges, int idOffset) {
        List<String> tokens = new ArrayList<>();
        for (char c : ByteUnicodeTable.vocabularyOrder()) tokens.add(String.valueOf(c));
        for (char c : ByteUnicodeTable.vocabularyOrder()) tokens.add(c + "</w>");
        for (String m : merges) tokens.add(m.replace(" ", ""));
        tokens.add("<|startoftext|>");
        tokens.add("<|endoftext|>");
        JsonObject vocab = new JsonObject();
        for (int i = 0; i < tokens.size(); i++) vocab.addProperty(tokens.get(i), i + idOffset);
        return vocab;
    }

    private static List<String> merges() throws IOException {
        try (InputStream in = new java.util.zip.GZIPInputStream(
                HfFilesFromBundled.class.getResourceAsStream("/org/alor/clip/bpe_simple_vocab_16e6.txt.gz"))) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            return List.of(lines).subList(1, 1 + 48894);
        }
    }
}
