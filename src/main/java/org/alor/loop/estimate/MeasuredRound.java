package org.alor.loop.estimate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alor.loop.Method;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A finished round of the project as its summary recorded it: what it trained on and how long it took. */
public record MeasuredRound(int round, Method method, int epochs, int batchSize, String precision, int labeled,
                            int retrieved, double seconds) {

    /** The rounds of {@code store} that trained (waiting for labels or done) and recorded their time. */
    public static List<MeasuredRound> of(ProjectStore store) {
        List<MeasuredRound> out = new ArrayList<>();
        for (RoundRecord r : store.roundTable().all()) {
            if (r.status() != RoundStatus.DONE && r.status() != RoundStatus.LABELING) continue;
            parse(r).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<MeasuredRound> parse(RoundRecord r) {
        if (r.summaryJson() == null) return Optional.empty();
        try {
            JsonObject s = JsonParser.parseString(r.summaryJson()).getAsJsonObject();
            if (!s.has("seconds") || !s.has("method") || !s.has("train")) return Optional.empty();
            Method method = Method.parse(s.get("method").getAsString());
            JsonObject train = s.getAsJsonObject("train");
            return Optional.of(new MeasuredRound(r.index(), method, s.has("epochs") ? s.get("epochs").getAsInt() : 1,
                    s.has("batch_size") ? s.get("batch_size").getAsInt() : method.defaultBatchSize(),
                    s.has("precision") ? s.get("precision").getAsString() : "fp32",
                    train.get("labeled").getAsInt(), train.get("retrieved").getAsInt(), s.get("seconds").getAsDouble()));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
