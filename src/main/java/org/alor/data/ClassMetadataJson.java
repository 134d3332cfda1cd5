package org.alor.data;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference class metadata ({@code *_metrics-LAION400M.json}): an object keyed by class id ("0", "1", ...),
 * each value with {@code name}, {@code alternates} {synonym: caption count}, {@code most_common_name} and
 * {@code actual_freq}. Unknown fields are ignored; {@code alternates} may also be a list of strings.
 * Ids must be exactly 0..C-1. A malformed file is fatal.
 */
public final class ClassMetadataJson {
    /** The file name the exporter writes (the name the REAL/SWAT analysis code reads). */
    public static final String EXPORT_FILE_NAME = "metrics-LAION400M.json";

    private static final Pattern CLASS_KEY = Pattern.compile("\"\\s*(\\d+)\\s*\"\\s*:\\s*\\{");

    private ClassMetadataJson() {
    }

    public static List<ClassInfo> read(Path file) throws IOException, DatasetFormatException {
        JsonElement root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(in);
        } catch (JsonParseException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw new DatasetFormatException(file, "not valid UTF-8 text");
            }
            throw new DatasetFormatException(file, "not valid JSON: " + rootCause(e));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DatasetFormatException(file, "not valid UTF-8 text");
        }
        if (!root.isJsonObject()) throw new DatasetFormatException(file, "expected a JSON object keyed by class id");
        TreeMap<Integer, ClassInfo> byId = new TreeMap<>();
        for (Map.Entry<String, JsonElement> e : root.getAsJsonObject().entrySet()) {
            int id;
            try {
                id = Integer.parseInt(e.getKey().trim());
            } catch (NumberFormatException ex) {
                throw new DatasetFormatException(file, "key '" + e.getKey() + "' is not a class id (expected 0, 1, ...)");
            }
            if (id < 0) throw new DatasetFormatException(file, "negative class id " + id);
            if (!e.getValue().isJsonObject()) throw new DatasetFormatException(file, "class " + id + ": expected an object");
            byId.put(id, parseClass(file, id, e.getValue().getAsJsonObject()));
        }
        if (byId.isEmpty()) throw new DatasetFormatException(file, "no classes");
        for (int i = 0; i < byId.size(); i++) {
            if (!byId.containsKey(i)) throw new DatasetFormatException(file, "class ids must be 0.." + (byId.size() - 1) + " but " + i + " is missing");
        }
        List<ClassInfo> classes = new ArrayList<>(byId.values());
        Map<Integer, Integer> lines = lineOfClassKeys(TextLines.readText(file));
        ClassNameCheck.check(classes, file, i -> lines.getOrDefault(i, 0));
        return classes;
    }

    /** The line of each class-id key ({@code "3": {}}), for errors; Gson does not keep positions. */
    private static Map<Integer, Integer> lineOfClassKeys(String json) {
        Map<Integer, Integer> lines = new HashMap<>();
        Matcher m = CLASS_KEY.matcher(json);
        int line = 1;
        int counted = 0;
        while (m.find()) {
            for (; counted < m.start(); counted++) if (json.charAt(counted) == '\n') line++;
            lines.putIfAbsent(Integer.parseInt(m.group(1)), line);
        }
        return lines;
    }

    private static ClassInfo parseClass(Path file, int id, JsonObject o) throws DatasetFormatException {
        String name = string(o, "name");
        String mostCommon = string(o, "most_common_name");
        if (name == null) name = mostCommon;
        if (name == null || name.isBlank()) throw new DatasetFormatException(file, "class " + id + " has no name");
        Map<String, Integer> synonyms = new LinkedHashMap<>();
        JsonElement alt = o.get("alternates");
        if (alt != null && alt.isJsonObject()) {
            for (Map.Entry<String, JsonElement> s : alt.getAsJsonObject().entrySet()) {
                synonyms.put(s.getKey(), count(s.getValue()));
            }
        } else if (alt != null && alt.isJsonArray()) {
            for (JsonElement s : (JsonArray) alt) {
                if (s.isJsonPrimitive()) synonyms.putIfAbsent(s.getAsString(), 0);
            }
        }
        if (synonyms.isEmpty()) synonyms.put(name, 0);
        return new ClassInfo(id, name, mostCommon, synonyms);
    }

    /**
     * Writes the classes in the reference layout.
     *
     * @param actualFreq distinct matching captions per class id, written as {@code actual_freq} when present
     */
    public static void write(Path file, List<ClassInfo> classes, Map<Integer, Integer> actualFreq) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ClassInfo c : classes) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", c.name());
            v.put("most_common_name", c.mostCommonName());
            v.put("alternates", c.synonyms());
            Integer freq = actualFreq == null ? null : actualFreq.get(c.id());
            if (freq != null) v.put("actual_freq", freq);
            out.put(Integer.toString(c.id()), v);
        }
        AtomicFiles.write(file, w -> {
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(out, w);
            w.write('\n');
        });
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static int count(JsonElement e) {
        try {
            return e != null && e.isJsonPrimitive() ? (int) e.getAsDouble() : 0;
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    private static String rootCause(Throwable e) {
        while (e.getCause() != null) e = e.getCause();
        return e.getMessage();
    }
}
