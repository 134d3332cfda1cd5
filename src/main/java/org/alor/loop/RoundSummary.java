package org.alor.loop;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alor.adapt.ClassificationMetrics;
import org.alor.data.Split;
import org.alor.store.MetricRow;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A round's summary JSON (what it was run with, trained on, scored) and the readers of stored rounds. */
public final class RoundSummary {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private RoundSummary() {
    }

    static String json(RoundSpec config, RoundRecord rec, LabeledSet train, int numClasses, LabeledSet pool,
                       Map<String, Object> modelSummary, ClassificationMetrics valM, ClassificationMetrics testM,
                       int nVal, int nTest, double seconds) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("round", rec.index());
        s.put("method", config.method().key());
        s.put("strategy", config.strategy());
        s.put("seed", config.seed());
        s.put("budget", rec.budget());
        s.put("rda", config.rda());
        s.put("round0", config.round0().name().toLowerCase(Locale.ROOT));
        s.put("class_naming", config.naming().name().toLowerCase(Locale.ROOT));
        s.put("epochs", config.epochs());
        s.put("batch_size", config.batchSize());
        s.put("precision", config.precision().key());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("retrieved", train.retrieved());
        t.put("labeled", train.labeledPool());
        t.put("class_counts", train.classCounts(numClasses));
        s.put("train", t);
        s.put("model", modelSummary);
        s.put("val", evalSummary(valM, nVal));
        s.put("test", evalSummary(testM, nTest));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("remaining", pool.size());
        p.put("probs_file", "rounds/" + rec.index() + "/" + PoolProbabilities.FILE);
        p.put("top_k", RoundTraining.TOP_K);
        s.put("pool", p);
        s.put("seconds", seconds);
        return GSON.toJson(s);
    }

    private static Map<String, Object> evalSummary(ClassificationMetrics m, int n) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("support", n);
        if (n == 0) return e;
        e.put("accuracy", m.accuracy());
        e.put("macro_f1", m.macroF1());
        // Sparse confusion matrix: [true, predicted, count] for every non-zero cell.
        List<int[]> cells = new ArrayList<>();
        for (int a = 0; a < m.confusion().length; a++) {
            for (int b = 0; b < m.confusion()[a].length; b++) {
                if (m.confusion()[a][b] > 0) cells.add(new int[]{a, b, m.confusion()[a][b]});
            }
        }
        e.put("confusion", cells);
        return e;
    }

    /** The result of a round as stored (metrics, counts from the summary, selections). */
    public static RoundResult result(ProjectStore store, RoundRecord rec) {
        MetricRow val = store.roundTable().overallMetrics(Split.VAL).get(rec.index());
        MetricRow test = store.roundTable().overallMetrics(Split.TEST).get(rec.index());
        int labeled = 0;
        int retrieved = 0;
        double seconds = Double.NaN;
        if (rec.summaryJson() != null) {
            JsonObject s = JsonParser.parseString(rec.summaryJson()).getAsJsonObject();
            if (s.has("train")) {
                labeled = s.getAsJsonObject("train").get("labeled").getAsInt();
                retrieved = s.getAsJsonObject("train").get("retrieved").getAsInt();
            }
            if (s.has("seconds")) seconds = s.get("seconds").getAsDouble();
        }
        return new RoundResult(rec.index(), rec.status(), rec.method(), rec.strategy(), rec.seed(), val, test, labeled,
                retrieved, store.roundTable().selections(rec.index()), seconds);
    }

    /** Sparse confusion cells [true, predicted, count] of a split from a round summary (empty when absent). */
    public static List<int[]> confusion(RoundRecord rec, Split split) {
        List<int[]> out = new ArrayList<>();
        if (rec.summaryJson() == null) return out;
        JsonObject s = JsonParser.parseString(rec.summaryJson()).getAsJsonObject();
        String key = split.key();
        if (!s.has(key) || !s.getAsJsonObject(key).has("confusion")) return out;
        s.getAsJsonObject(key).getAsJsonArray("confusion").forEach(cell -> {
            var a = cell.getAsJsonArray();
            out.add(new int[]{a.get(0).getAsInt(), a.get(1).getAsInt(), a.get(2).getAsInt()});
        });
        return out;
    }

}
