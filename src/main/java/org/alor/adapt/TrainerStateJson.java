package org.alor.adapt;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alor.adapt.train.EpochSummary;
import org.alor.adapt.train.TrainerState;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@link TrainerState} as JSON for an epoch checkpoint. Doubles are written as their exact decimal strings
 * ({@link Double#toString}), so scores and losses come back bit for bit, NaN included.
 */
final class TrainerStateJson {
    private TrainerStateJson() {
    }

    static String write(TrainerState s) {
        JsonObject o = new JsonObject();
        o.addProperty("epochs_done", s.epochsDone());
        o.addProperty("iteration", s.iteration());
        o.addProperty("micro_batches", s.microBatches());
        o.addProperty("skipped_steps", s.skippedSteps());
        o.addProperty("consecutive_skips", s.consecutiveSkips());
        o.addProperty("selected_epoch", s.selectedEpoch());
        o.add("selected_score", score(s.selectedScore()));
        JsonArray epochs = new JsonArray();
        for (EpochSummary e : s.epochs()) {
            JsonObject j = new JsonObject();
            j.addProperty("epoch", e.epoch());
            j.addProperty("mean_loss", Double.toString(e.meanLoss()));
            j.add("score", score(e.score()));
            j.addProperty("seconds", Double.toString(e.seconds()));
            j.addProperty("selected", e.selected());
            epochs.add(j);
        }
        o.add("epochs", epochs);
        return o.toString();
    }

    /** @throws IllegalArgumentException when the text is not a trainer state */
    static TrainerState read(String json) {
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            List<EpochSummary> epochs = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("epochs")) {
                JsonObject j = e.getAsJsonObject();
                epochs.add(new EpochSummary(j.get("epoch").getAsInt(), Double.parseDouble(j.get("mean_loss").getAsString()),
                        score(j.get("score")), Double.parseDouble(j.get("seconds").getAsString()),
                        j.get("selected").getAsBoolean()));
            }
            return new TrainerState(o.get("epochs_done").getAsInt(), o.get("iteration").getAsLong(),
                    o.get("micro_batches").getAsInt(), o.get("skipped_steps").getAsInt(),
                    o.get("consecutive_skips").getAsInt(), o.get("selected_epoch").getAsInt(),
                    score(o.get("selected_score")), epochs);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a trainer state (" + e.getMessage() + ")", e);
        }
    }

    private static JsonElement score(OptionalDouble score) {
        return score.isPresent() ? new com.google.gson.JsonPrimitive(Double.toString(score.getAsDouble())) : JsonNull.INSTANCE;
    }

    private static OptionalDouble score(JsonElement e) {
        return e == null || e.isJsonNull() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(e.getAsString()));
    }
}
