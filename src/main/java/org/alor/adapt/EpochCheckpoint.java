package org.alor.adapt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alor.adapt.train.ParameterOptimizer;
import org.alor.adapt.train.ParameterSnapshot;
import org.alor.adapt.train.TrainerState;
import org.alor.clip.ClipModel;
import org.alor.clip.NoGradient;
import org.alor.clip.SafetensorsFile;
import org.alor.clip.SafetensorsWriter;
import org.alor.job.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The checkpoint of an FT/CT/PT run after its last finished epoch, one safetensors file written to a temporary
 * sibling and renamed over the previous one (so there is always one whole checkpoint, never half of one):
 * <ul>
 *   <li>the trainable CLIP tensors under their OpenCLIP names (written and read by {@link ClipModel}), the method's
 *       own parameters as {@code alor.param.<name>};</li>
 *   <li>the optimiser's arrays as {@code alor.optimizer.<key>} and its counters in the metadata;</li>
 *   <li>the kept (best-epoch) copy as {@code alor.best.<i>}, left out when the kept epoch is the last finished one
 *       (then it equals the weights);</li>
 *   <li>CT's kept text head ({@code alor.kept_head}) and temperature per epoch, the run's notices;</li>
 *   <li>the {@link TrainerState} and the run's identity ({@link TrainingRunIdentity} plus the caller's) in the
 *       metadata.</li>
 * </ul>
 * {@link #restore} puts all of it back when the identity matches; otherwise it says why the file is ignored.
 */
final class EpochCheckpoint {
    private static final Logger LOG = LoggerFactory.getLogger(EpochCheckpoint.class);
    static final String FORMAT = "alor-epoch-checkpoint-1";
    private static final String PARAM = "alor.param.";
    private static final String OPTIMIZER = "alor.optimizer.";
    private static final String BEST = "alor.best.";
    private static final String KEPT_HEAD = "alor.kept_head";

    private final Path file;
    private final Map<String, String> identity;
    private final ClipModel model;
    private final List<Parameter> clipParameters;
    private final List<Parameter> ownParameters;
    private final ParameterOptimizer optimizer;
    private final ParameterSnapshot best;
    private final List<Parameter> bestParameters;
    private List<Double> perEpoch;
    private TextHead[] keptHead;

    /**
     * @param clipParameters the model's trained tensors
     * @param ownParameters  the method's new parameters (head, temperature, prompt contexts), named uniquely
     * @param best           the kept epoch's copy of {@code bestParameters}, or null when the method keeps none
     */
    EpochCheckpoint(EpochCheckpointFile place, Map<String, String> runIdentity, ClipModel model,
                    List<Parameter> clipParameters, List<Parameter> ownParameters, ParameterOptimizer optimizer,
                    ParameterSnapshot best, List<Parameter> bestParameters) {
        this.file = place.path();
        Map<String, String> id = new LinkedHashMap<>(place.run());
        id.putAll(runIdentity);
        this.identity = id;
        this.model = model;
        this.clipParameters = List.copyOf(clipParameters);
        this.ownParameters = List.copyOf(ownParameters);
        this.optimizer = optimizer;
        this.best = best;
        this.bestParameters = bestParameters == null ? List.of() : List.copyOf(bestParameters);
    }

    /** CT: also keep the temperature of every epoch and the text head of the kept epoch (held in {@code kept[0]}). */
    EpochCheckpoint alsoKeeping(List<Double> valuesPerEpoch, TextHead[] kept) {
        this.perEpoch = valuesPerEpoch;
        this.keptHead = kept;
        return this;
    }

    Path file() {
        return file;
    }

    /** Writes the checkpoint of {@code state}; a failure is a notice (a killed run then resumes from an older one). */
    void save(TrainerState state, TunedTraining.History history, Progress progress) {
        try {
            long start = System.nanoTime();
            writer(state, history).write(file);
            LOG.info("saved the epoch checkpoint {} after epoch {} ({} MB in {} ms)", file, state.epochsDone(),
                    Files.size(file) >> 20, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            String message = "cannot save the epoch checkpoint " + file + " (" + e.getMessage() + "); a killed run"
                    + " would train again from an earlier epoch";
            LOG.warn(message, e);
            progress.notice(message);
        }
    }

    private SafetensorsWriter writer(TrainerState state, TunedTraining.History history) {
        SafetensorsWriter w = new SafetensorsWriter().metadata("format", FORMAT)
                .metadata("run", json(identity).toString())
                .metadata("trainer", TrainerStateJson.write(state))
                .metadata("optimizer", counters(optimizer.counters()).toString())
                .metadata("notices", strings(history.notices).toString());
        if (perEpoch != null) w.metadata("per_epoch", doubles(perEpoch).toString());
        model.addTo(w, clipParameters);
        for (Parameter p : ownParameters) add(w, PARAM + p.getName(), p.getArray());
        for (Map.Entry<String, NDArray> e : optimizer.stateArrays().entrySet()) add(w, OPTIMIZER + e.getKey(), e.getValue());
        boolean bestIsCurrent = state.selectedEpoch() == state.epochsDone() - 1;
        w.metadata("best_is_current", Boolean.toString(bestIsCurrent));
        if (best != null && state.selectedEpoch() >= 0 && !bestIsCurrent) {
            List<NDArray> copies = best.copies();
            for (int i = 0; i < copies.size(); i++) add(w, BEST + i, copies.get(i));
        }
        if (keptHead != null && keptHead[0] != null) {
            float[][] rows = keptHead[0].weights();
            w.addFloat(KEPT_HEAD, new long[] {rows.length, rows[0].length}, TunedTraining.flatten(rows));
        }
        return w;
    }

    private static void add(SafetensorsWriter w, String name, NDArray array) {
        w.addFloatLater(name, array.getShape().getShape(), () -> floats(array));
    }

    private static float[] floats(NDArray array) {
        if (array.getDataType() == ai.djl.ndarray.types.DataType.FLOAT32) return array.toFloatArray();
        try (NDArray wide = array.toType(ai.djl.ndarray.types.DataType.FLOAT32, true)) {
            return wide.toFloatArray();
        }
    }

    /**
     * Puts the saved run back (weights, optimiser, kept copy, CT's extras, {@code history}'s losses, scores and
     * notices) and returns where to continue; empty, with a notice saying why, when there is no checkpoint or it is
     * from another run or unreadable (the run then starts from the first epoch).
     *
     * @throws UncheckedIOException when a checkpoint of this run fails half-way through loading (the weights may be
     *                              partly replaced, so training from it would be wrong)
     */
    Optional<TrainerState> restore(TunedTraining.History history, Progress progress) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            Optional<Saved> saved = check(f, progress);
            if (saved.isEmpty()) return Optional.empty();
            try {
                apply(f, saved.get(), history);
            } catch (IOException | RuntimeException e) {
                throw new UncheckedIOException(file + ": the epoch checkpoint cannot be loaded (" + e.getMessage()
                        + "); delete it to train this round from the first epoch", e instanceof IOException io ? io : new IOException(e));
            }
            TrainerState state = saved.get().state();
            int done = state.epochsDone();
            String message = "resuming from the epoch checkpoint " + file + ": " + (done == 1 ? "epoch 1" : "epochs 1–" + done)
                    + " of " + identity.get("epochs") + " already trained";
            LOG.info(message);
            progress.notice(message);
            return Optional.of(state);
        } catch (IOException e) {
            return ignored("cannot be read (" + e.getMessage() + ")", progress);
        }
    }

    private record Saved(TrainerState state, Map<String, long[]> counters, List<String> notices, List<Double> perEpoch,
                         boolean bestIsCurrent) {
    }

    /** Everything that can be checked before a value changes: format, identity, state, and that every tensor is there. */
    private Optional<Saved> check(SafetensorsFile f, Progress progress) {
        Map<String, String> meta = f.metadata();
        if (!FORMAT.equals(meta.get("format"))) return ignored("is not an epoch checkpoint of this version", progress);
        Saved saved;
        try {
            Map<String, String> run = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : JsonParser.parseString(meta.get("run")).getAsJsonObject().entrySet()) {
                run.put(e.getKey(), e.getValue().getAsString());
            }
            String difference = TrainingRunIdentity.difference(run, identity);
            if (difference != null) return ignored("is from another run (" + difference + ")", progress);
            TrainerState state = TrainerStateJson.read(meta.get("trainer"));
            if (state.epochsDone() < 1 || state.epochsDone() > Integer.parseInt(identity.get("epochs"))) {
                return ignored("records " + state.epochsDone() + " finished epochs", progress);
            }
            Map<String, long[]> counters = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : JsonParser.parseString(meta.get("optimizer")).getAsJsonObject().entrySet()) {
                JsonArray a = e.getValue().getAsJsonArray();
                long[] v = new long[a.size()];
                for (int i = 0; i < v.length; i++) v[i] = a.get(i).getAsLong();
                counters.put(e.getKey(), v);
            }
            List<String> notices = new ArrayList<>();
            for (JsonElement e : JsonParser.parseString(meta.get("notices")).getAsJsonArray()) notices.add(e.getAsString());
            List<Double> values = null;
            if (perEpoch != null) {
                values = new ArrayList<>();
                for (JsonElement e : JsonParser.parseString(meta.get("per_epoch")).getAsJsonArray()) {
                    values.add(Double.parseDouble(e.getAsString()));
                }
            }
            saved = new Saved(state, counters, notices, values, Boolean.parseBoolean(meta.get("best_is_current")));
        } catch (RuntimeException e) {
            return ignored("has unreadable metadata (" + e.getMessage() + ")", progress);
        }
        List<String> missing = new ArrayList<>();
        for (Parameter p : ownParameters) requireShape(f, PARAM + p.getName(), p.getArray(), missing);
        boolean bestSaved = best != null && saved.state().selectedEpoch() >= 0 && !saved.bestIsCurrent();
        for (int i = 0; bestSaved && i < bestParameters.size(); i++) {
            requireShape(f, BEST + i, bestParameters.get(i).getArray(), missing);
        }
        if (keptHead != null && saved.state().selectedEpoch() >= 0 && !f.contains(KEPT_HEAD)) missing.add(KEPT_HEAD);
        if (!missing.isEmpty()) return ignored("lacks or mis-shapes " + String.join(", ", missing), progress);
        return Optional.of(saved);
    }

    private static void requireShape(SafetensorsFile f, String name, NDArray like, List<String> problems) {
        try {
            if (!f.contains(name) || !Arrays.equals(f.shape(name), like.getShape().getShape())) problems.add(name);
        } catch (IOException e) {
            problems.add(name);
        }
    }

    private void apply(SafetensorsFile f, Saved saved, TunedTraining.History history) throws IOException {
        TrainerState state = saved.state();
        model.loadFrom(f, clipParameters);
        try (NoGradient ignored = NoGradient.enter()) {
            for (Parameter p : ownParameters) put(p.getArray(), f.floatTensor(PARAM + p.getName()).data());
        }
        optimizer.restoreState(saved.counters(), key -> {
            try {
                return f.contains(OPTIMIZER + key) ? f.floatTensor(OPTIMIZER + key).data() : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (best != null && state.selectedEpoch() >= 0) {
            OptionalDouble score = state.selectedScore();
            if (saved.bestIsCurrent()) {
                best.snapshot(state.selectedEpoch(), score);
            } else {
                best.load(state.selectedEpoch(), i -> {
                    try {
                        return f.floatTensor(BEST + i).data();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        if (keptHead != null && state.selectedEpoch() >= 0) keptHead[0] = new TextHead(rows(f.floatTensor(KEPT_HEAD)));
        if (perEpoch != null) {
            perEpoch.clear();
            perEpoch.addAll(saved.perEpoch());
        }
        history.restore(state, saved.notices());
    }

    /** Copies {@code values} into a parameter's array in place (same device and type). */
    private static void put(NDArray target, float[] values) {
        try (NDManager staging = target.getManager().newSubManager()) {
            NDArray v = staging.create(values, target.getShape()).toDevice(target.getDevice(), false)
                    .toType(target.getDataType(), false);
            target.set(new NDIndex("..."), v);
        }
    }

    private static float[][] rows(org.alor.clip.Tensor t) {
        int r = (int) t.shape()[0];
        int c = (int) t.shape()[1];
        float[][] out = new float[r][c];
        for (int i = 0; i < r; i++) System.arraycopy(t.data(), i * c, out[i], 0, c);
        return out;
    }

    private <T> Optional<T> ignored(String why, Progress progress) {
        String message = "the epoch checkpoint " + file + " " + why + "; it is ignored and training starts from the"
                + " first epoch";
        LOG.warn(message);
        progress.notice(message);
        return Optional.empty();
    }

    private static JsonObject json(Map<String, String> map) {
        JsonObject o = new JsonObject();
        map.forEach(o::addProperty);
        return o;
    }

    private static JsonObject counters(Map<String, long[]> counters) {
        JsonObject o = new JsonObject();
        counters.forEach((k, v) -> {
            JsonArray a = new JsonArray();
            for (long x : v) a.add(x);
            o.add(k, a);
        });
        return o;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static JsonArray doubles(List<Double> values) {
        JsonArray a = new JsonArray();
        for (double v : values) a.add(Double.toString(v));
        return a;
    }
}
