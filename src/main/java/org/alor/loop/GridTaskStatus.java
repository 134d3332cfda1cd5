package org.alor.loop;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alor.data.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code runs/<name>/task.json}: how the last attempt of a grid task went, for {@code --collect} to report.
 *
 * @param state   running, done, cancelled or failed
 * @param attempt 1 for the first start, then one more each time the task is started again
 * @param who     where it ran (host, pid, Slurm job and task ids when there are)
 * @param message why it stopped (failed, cancelled); empty otherwise
 */
public record GridTaskStatus(String state, int attempt, String who, Instant updated, String message) {
    public static final String FILE = "task.json";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String CANCELLED = "cancelled";
    public static final String FAILED = "failed";

    public void write(Path runDir) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("state", state);
        o.addProperty("attempt", attempt);
        o.addProperty("who", who);
        o.addProperty("updated", updated.toString());
        o.addProperty("message", message);
        String text = GridPlan.toJson(o);
        AtomicFiles.write(runDir.resolve(FILE), w -> w.write(text));
    }

    /** The recorded status; empty when the task never started (or its file is unreadable). */
    public static Optional<GridTaskStatus> read(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            return Optional.of(new GridTaskStatus(o.get("state").getAsString(), o.get("attempt").getAsInt(),
                    o.get("who").getAsString(), Instant.parse(o.get("updated").getAsString()), o.get("message").getAsString()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
