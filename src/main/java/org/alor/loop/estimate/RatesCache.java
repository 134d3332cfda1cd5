package org.alor.loop.estimate;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alor.clip.ClipConfig;
import org.alor.store.Settings;

import java.util.Locale;
import java.util.Optional;

/**
 * Calibrated rates kept in the project's settings, one entry per device ({@value Settings#ESTIMATE_RATES_PREFIX}{@code
 * cpu}, ...{@code gpu0}), each with the checkpoint it was measured with (rates of another CLIP are not reused) and that
 * CLIP's shape, so an estimate from the cache needs no checkpoint loaded.
 */
public final class RatesCache {
    public static final String PREFIX = Settings.ESTIMATE_RATES_PREFIX;
    private static final Gson GSON = new Gson();

    /** A cached calibration: the checkpoint's hash, its shape and parameter count, and the rates. */
    public record Entry(String checkpoint, ClipConfig clip, long parameters, DeviceRates rates) {
    }

    private RatesCache() {
    }

    /** The settings key of a device kind ("cpu", "gpu0"). */
    public static String key(String deviceKind) {
        return PREFIX + deviceKind.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The cached rates of {@code deviceKind} measured with {@code checkpoint}; empty when none or unreadable. */
    public static Optional<DeviceRates> load(Settings settings, String deviceKind, String checkpoint) {
        return entry(settings, deviceKind).filter(e -> e.checkpoint().equals(checkpoint)).map(Entry::rates);
    }

    /** The cached entry of {@code deviceKind} measured with the checkpoint the project has now. */
    public static Optional<Entry> current(Settings settings, String deviceKind) {
        Optional<String> hash = settings.getString(Settings.CHECKPOINT_HASH);
        if (hash.isEmpty()) return Optional.empty();
        return entry(settings, deviceKind).filter(e -> e.checkpoint().equals(hash.get()) && e.clip() != null);
    }

    private static Optional<Entry> entry(Settings settings, String deviceKind) {
        Optional<String> stored = settings.getString(key(deviceKind));
        if (stored.isEmpty()) return Optional.empty();
        try {
            JsonObject o = JsonParser.parseString(stored.get()).getAsJsonObject();
            if (!o.has("checkpoint")) return Optional.empty();
            ClipConfig clip = o.has("clip") ? GSON.fromJson(o.get("clip"), ClipConfig.class) : null;
            long parameters = o.has("parameters") ? o.get("parameters").getAsLong() : 0;
            return Optional.of(new Entry(o.get("checkpoint").getAsString(), clip, parameters,
                    DeviceRates.fromJson(o.get("rates").toString())));
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // a damaged entry is measured again and overwritten
        }
    }

    public static void save(Settings settings, String deviceKind, Entry entry) {
        JsonObject o = new JsonObject();
        o.addProperty("checkpoint", entry.checkpoint());
        if (entry.clip() != null) o.add("clip", GSON.toJsonTree(entry.clip()));
        o.addProperty("parameters", entry.parameters());
        o.add("rates", JsonParser.parseString(entry.rates().toJson()));
        settings.set(key(deviceKind), o.toString());
    }
}
