package org.alor.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Typed key/value settings of a project, stored as text in the {@code settings} table. */
public final class Settings {
    public static final String DATASET_ROOT = "dataset_root";
    public static final String CHECKPOINT = "checkpoint";
    public static final String CHECKPOINT_HASH = "checkpoint_hash";
    public static final String CORPUS = "corpus";
    public static final String CREATED_AT = "created_at";
    public static final String SEED = "seed";
    /** Prompt set of the zero-shot head and CT prompts: birds, aircraft, food, pets, cars or generic. */
    public static final String PROMPT_SET = "prompt_set";
    /** Which class name prompts use: name or most_common_name. */
    public static final String CLASS_NAMING = "class_naming";
    /** Followed by a round index: how that round stopped before its picks ("cancelled" or "failed: reason"). */
    public static final String ROUND_STOPPED_PREFIX = "round_stopped.";
    /** Followed by a device ("cpu", "gpu0"): the rates a calibration measured there (JSON, see alor estimate). */
    public static final String ESTIMATE_RATES_PREFIX = "estimate_rates.";

    private final Database db;

    Settings(Database db) {
        this.db = db;
    }

    public Optional<String> getString(String key) {
        return Optional.ofNullable(db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }));
    }

    public String getString(String key, String defaultValue) {
        return getString(key).orElse(defaultValue);
    }

    public Optional<Long> getLong(String key) {
        return parsed(key, "an integer", Long::parseLong);
    }

    public long getLong(String key, long defaultValue) {
        return getLong(key).orElse(defaultValue);
    }

    public int getInt(String key, int defaultValue) {
        return parsed(key, "an int", Integer::parseInt).orElse(defaultValue);
    }

    public Optional<Double> getDouble(String key) {
        return parsed(key, "a number", Double::parseDouble);
    }

    public double getDouble(String key, double defaultValue) {
        return getDouble(key).orElse(defaultValue);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return parsed(key, "true or false", v -> {
            if (v.equals("true")) return true;
            if (v.equals("false")) return false;
            throw new IllegalArgumentException(v);
        }).orElse(defaultValue);
    }

    public Optional<Path> getPath(String key) {
        return parsed(key, "a path", Path::of);
    }

    public Optional<Instant> getInstant(String key) {
        return parsed(key, "an ISO-8601 instant", Instant::parse);
    }

    private <T> Optional<T> parsed(String key, String expected, Function<String, T> parser) {
        Optional<String> raw = getString(key);
        if (raw.isEmpty()) return Optional.empty();
        try {
            return Optional.of(parser.apply(raw.get().trim()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new StoreException(db.file() + ": setting '" + key + "' = '" + raw.get()
                    + "' is not " + expected);
        }
    }

    public void set(String key, String value) {
        if (key == null || key.isBlank()) throw new IllegalArgumentException("setting key is blank");
        if (value == null) {
            remove(key);
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                return ps.executeUpdate();
            }
        });
    }

    public void set(String key, long value) {
        set(key, Long.toString(value));
    }

    public void set(String key, double value) {
        set(key, Double.toString(value));
    }

    public void set(String key, boolean value) {
        set(key, Boolean.toString(value));
    }

    /** Stores the path as given (relative paths stay relative, e.g. to the project folder). */
    public void set(String key, Path value) {
        set(key, value == null ? null : value.toString());
    }

    public void set(String key, Instant value) {
        set(key, value == null ? null : value.toString());
    }

    public void remove(String key) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM settings WHERE key = ?")) {
                ps.setString(1, key);
                return ps.executeUpdate();
            }
        });
    }

    /** Every setting, sorted by key. */
    public Map<String, String> all() {
        return db.read(c -> {
            Map<String, String> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM settings");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }
}
