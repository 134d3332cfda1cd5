package org.alor.clip;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Readers for tokenizer files: OpenAI merges lists and Hugging Face vocab.json / merges.txt / tokenizer.json. */
final class TokenizerFiles {
    record VocabAndMerges(Map<String, Integer> vocab, List<String[]> merges) {
    }

    private TokenizerFiles() {
    }

    /** A UTF-8 reader over the stream, gunzipping it if it starts with the gzip magic number. */
    static BufferedReader openMaybeGzip(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        InputStream body = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(in, 1 << 16) : in;
        return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
    }

    static String[] parseMergeLine(String line, String source, int lineNumber) {
        String[] parts = line.trim().split(" ");
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException(source + ": line " + lineNumber
                    + " is not a merge of two tokens: '" + line + "'");
        }
        return parts;
    }

    static Map<String, Integer> readVocabJson(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonElement root = JsonParser.parseReader(r);
            if (!root.isJsonObject()) throw new IllegalArgumentException(file + ": expected a JSON object of token → id");
            return vocabOf(root.getAsJsonObject(), file.toString());
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    /** Hugging Face merges.txt: an optional {@code #version} header, then one "left right" pair per line. */
    static List<String[]> readHfMerges(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String[]> merges = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || (i == 0 && line.startsWith("#version"))) continue;
            merges.add(parseMergeLine(line, file.toString(), i + 1));
        }
        return merges;
    }

    static VocabAndMerges readTokenizerJson(Path file) throws IOException {
        JsonElement root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(r);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not valid JSON (" + e.getMessage() + ")", e);
        }
        JsonObject model = root.isJsonObject() && root.getAsJsonObject().has("model")
                && root.getAsJsonObject().get("model").isJsonObject()
                ? root.getAsJsonObject().getAsJsonObject("model") : null;
        if (model == null || !model.has("vocab") || !model.get("vocab").isJsonObject()
                || !model.has("merges") || !model.get("merges").isJsonArray()) {
            throw new IllegalArgumentException(file + ": expected a tokenizer.json with model.vocab and model.merges");
        }
        if (model.has("type") && !"BPE".equals(model.get("type").getAsString())) {
            throw new IllegalArgumentException(file + ": model type is " + model.get("type").getAsString() + ", not BPE");
        }
        Map<String, Integer> vocab = vocabOf(model.getAsJsonObject("vocab"), file.toString());
        JsonArray array = model.getAsJsonArray("merges");
        List<String[]> merges = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonElement e = array.get(i);
            if (e.isJsonArray() && e.getAsJsonArray().size() == 2) {
                merges.add(new String[]{e.getAsJsonArray().get(0).getAsString(), e.getAsJsonArray().get(1).getAsString()});
            } else if (e.isJsonPrimitive()) {
                merges.add(parseMergeLine(e.getAsString(), file + " model.merges", i));
            } else {
                throw new IllegalArgumentException(file + ": model.merges[" + i + "] is neither \"a b\" nor [a, b]");
            }
        }
        return new VocabAndMerges(vocab, merges);
    }

    private static Map<String, Integer> vocabOf(JsonObject object, String source) {
        Map<String, Integer> vocab = new HashMap<>(object.size() * 2);
        for (Map.Entry<String, JsonElement> e : object.entrySet()) {
            JsonElement v = e.getValue();
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
                throw new IllegalArgumentException(source + ": id of token '" + e.getKey() + "' is not a number");
            }
            vocab.put(e.getKey(), v.getAsInt());
        }
        return vocab;
    }
}
