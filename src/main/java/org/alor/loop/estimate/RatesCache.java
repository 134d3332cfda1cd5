package org.alor.loop.estimate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alor.store.Settings;

import java.util.Locale;
import java.util.Optional;

/**
 * Calibrated rates kept in the project's settings, one entry per device ({@value #PREFIX}{@code cpu}, ...{@code gpu0}),
 * each with the checkpoint it was measured with: rates of another CLIP are not reused.
 */
public final class RatesCache {
    public static final String PREFIX = Settings.ESTIMATE_RATES_PREFIX;

    private RatesCache() {
    }

    /** The settings key of a device preference's rates ("auto" has none of its own: pass the device chosen). */
    public static String key(String deviceKind) {
        return PREFIX + deviceKind.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The cached rates of {@code deviceKind} measured with {@code checkpoint}; empty when none or unreadable. */
    public static Optional<DeviceRates> load(Settings settings, String deviceKind, String checkpoint) {
        Optional<String> stored = settings.getString(key(deviceKind));
        if (stored.isEmpty()) return Optional.empty();
        try {
            JsonObject o = JsonParser.parseString(stored.get()).getAsJsonObject();
            if (!o.has("checkpoint") || !o.get("checkpoint").getAsString().equals(checkpoint)) return Optional.empty();
            return Optional.of(DeviceRates.fromJson(o.get("rates").toString()));
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // a damaged entry is measured again and overwritten
        }
    }

    public static void save(Settings settings, String deviceKind, String checkpoint, DeviceRates rates) {
        JsonObject o = new JsonObject();
        o.addProperty("checkpoint", checkpoint);
        o.add("rates", JsonParser.parseString(rates.toJson()));
        settings.set(key(deviceKind), o.toString());
    }
}
