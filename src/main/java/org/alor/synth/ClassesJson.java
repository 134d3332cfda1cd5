package org.alor.synth;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.alor.retrieval.ClassStats;

/**
 * classes.json in the reference's {@code *_metrics-LAION400M.json} format: class id string →
 * {"name", "alternates" {synonym: caption count}, "most_common_name", "actual_freq"}.
 */
final class ClassesJson {
    private ClassesJson() {
    }

    static void write(List<Species> species, List<ClassStats> stats, Path file) throws IOException {
        JsonObject root = new JsonObject();
        for (Species s : species) {
            ClassStats st = stats.get(s.id());
            JsonObject c = new JsonObject();
            c.addProperty("name", st.name());
            JsonObject alternates = new JsonObject();
            for (Map.Entry<String, Integer> e : st.synonymCounts().entrySet()) alternates.addProperty(e.getKey(), e.getValue());
            c.add("alternates", alternates);
            c.addProperty("most_common_name", st.mostCommonName());
            c.addProperty("actual_freq", st.actualFreq());
            root.add(Integer.toString(s.id()), c);
        }
        Files.writeString(file, WorldJson.GSON.toJson(root) + "\n", StandardCharsets.UTF_8);
    }
}
