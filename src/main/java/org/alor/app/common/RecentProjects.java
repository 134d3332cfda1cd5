package org.alor.app.common;

import com.google.gson.Gson;
import com.google.gson.JsonSyntaxException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.prefs.Preferences;

/** The most recently opened projects, newest first, kept in java.util.prefs as one JSON value. */
public final class RecentProjects {
    public static final String KEY = "recentProjects";
    public static final int MAX = 12;
    private static final Gson GSON = new Gson();

    /** One remembered project; counts are as of the last time it was opened. */
    public record Entry(String name, String path, int classes, int rounds, long lastOpenedMillis) {
        public Path dir() {
            return Path.of(path);
        }

        public Instant lastOpened() {
            return Instant.ofEpochMilli(lastOpenedMillis);
        }
    }

    private final Preferences node;

    public RecentProjects(Preferences node) {
        this.node = node;
    }

    public List<Entry> list() {
        String json = node.get(KEY, "[]");
        try {
            Entry[] entries = GSON.fromJson(json, Entry[].class);
            return entries == null ? List.of() : Arrays.stream(entries).filter(e -> e != null && e.path() != null).toList();
        } catch (JsonSyntaxException e) {
            return List.of();
        }
    }

    /** Records that a project was opened now (moves it to the top). */
    public List<Entry> remember(Entry entry) {
        List<Entry> out = new ArrayList<>();
        out.add(entry);
        for (Entry e : list()) {
            if (!samePath(e.path(), entry.path()) && out.size() < MAX) out.add(e);
        }
        node.put(KEY, GSON.toJson(out));
        return out;
    }

    public List<Entry> forget(String path) {
        List<Entry> out = new ArrayList<>(list());
        out.removeIf(e -> samePath(e.path(), path));
        node.put(KEY, GSON.toJson(out));
        return out;
    }

    private static boolean samePath(String a, String b) {
        return Path.of(a).toAbsolutePath().normalize().equals(Path.of(b).toAbsolutePath().normalize());
    }
}
