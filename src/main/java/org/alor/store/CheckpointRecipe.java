package org.alor.store;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Training settings a checkpoint folder may carry in a {@code recipe.json} beside its weights, e.g. the
 * tower learning rate and epochs chosen for a small model on validation accuracy:
 * {@code {"epochs": 10, "lr_encoder": 1e-4, "lr_head": 1e-4}} (every field optional). A project created
 * with such a checkpoint records them as settings; round and experiment use them as defaults, flags win.
 * A checkpoint without one keeps the paper's recipe.
 */
public record CheckpointRecipe(Integer epochs, Double lrEncoder, Double lrHead) {
    public static final String FILE = "recipe.json";
    public static final String EPOCHS = "recipe.epochs";
    public static final String LR_ENCODER = "recipe.lr_encoder";
    public static final String LR_HEAD = "recipe.lr_head";

    /** The recipe beside a checkpoint (its folder, or the folder of a weights file), if there is one. */
    public static Optional<CheckpointRecipe> besideCheckpoint(Path checkpoint) throws IOException {
        Path folder = Files.isDirectory(checkpoint) ? checkpoint : checkpoint.toAbsolutePath().getParent();
        if (folder == null) return Optional.empty();
        Path file = folder.resolve(FILE);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    public static CheckpointRecipe read(Path file) throws IOException {
        JsonObject root;
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) throw new IOException(file + ": a recipe must be a JSON object");
            root = e.getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(file + ": not valid JSON (" + e.getMessage() + ")", e);
        }
        Integer epochs = null;
        if (root.has("epochs")) {
            double v = number(root, "epochs", file);
            if (v < 1 || v != Math.rint(v)) throw new IOException(file + ": \"epochs\" must be a whole number >= 1, got " + v);
            epochs = (int) v;
        }
        return new CheckpointRecipe(epochs, positive(root, "lr_encoder", file), positive(root, "lr_head", file));
    }

    /** Records this recipe's fields as project settings (fields it lacks are removed). */
    public void recordIn(Settings settings) {
        set(settings, EPOCHS, epochs);
        set(settings, LR_ENCODER, lrEncoder);
        set(settings, LR_HEAD, lrHead);
    }

    /** Removes any recipe recorded in a project (its checkpoint changed to one without a recipe). */
    public static void clearFrom(Settings settings) {
        new CheckpointRecipe(null, null, null).recordIn(settings);
    }

    private static void set(Settings settings, String key, Number value) {
        if (value == null) settings.remove(key);
        else if (value instanceof Integer i) settings.set(key, i.longValue());
        else settings.set(key, value.doubleValue());
    }

    private static Double positive(JsonObject root, String key, Path file) throws IOException {
        if (!root.has(key)) return null;
        double v = number(root, key, file);
        if (!(v > 0) || Double.isInfinite(v)) throw new IOException(file + ": \"" + key + "\" must be a positive number, got " + v);
        return v;
    }

    private static double number(JsonObject root, String key, Path file) throws IOException {
        JsonElement e = root.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IOException(file + ": \"" + key + "\" must be a number, got " + e);
        }
        return e.getAsDouble();
    }
}
