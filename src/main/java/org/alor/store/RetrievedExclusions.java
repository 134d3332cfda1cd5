package org.alor.store;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Retrieved images a person excluded (Retrieval view → Exclude image), kept as the setting
 * {@value #SETTING}: a JSON list of the items' provenance identities. Retrieval re-runs skip them, and the
 * rows themselves are deleted, so training never sees them; the list is what keeps them out for good.
 */
public final class RetrievedExclusions {
    public static final String SETTING = "excluded_retrieved";
    private static final Gson GSON = new Gson();

    private RetrievedExclusions() {
    }

    /** The excluded provenance identities (empty when none or when the setting is unreadable). */
    public static Set<String> all(ProjectStore store) {
        String raw = store.settings().getString(SETTING).orElse("");
        if (raw.isBlank()) return new TreeSet<>();
        try {
            List<String> list = GSON.fromJson(raw, new TypeToken<List<String>>() { }.getType());
            return list == null ? new TreeSet<>() : new TreeSet<>(list);
        } catch (JsonParseException e) {
            throw new StoreException(store.databaseFile() + ": setting '" + SETTING + "' is not a JSON list of strings");
        }
    }

    /**
     * Records the identities as excluded and deletes the retrieved sample rows {@code ids} (which must be
     * unreferenced by labels or selections), in one go from the caller's point of view.
     */
    public static synchronized void exclude(ProjectStore store, Collection<String> identities, List<Long> ids) {
        Set<String> all = all(store);
        all.addAll(identities);
        store.settings().set(SETTING, GSON.toJson(List.copyOf(all)));
        RetrievedSamples.delete(store, ids);
    }

    /** Forgets the identities, so retrieval may keep those items again (Retrieval view → Undo / Re-include). */
    public static synchronized void include(ProjectStore store, Collection<String> identities) {
        Set<String> all = all(store);
        all.removeAll(identities);
        store.settings().set(SETTING, GSON.toJson(List.copyOf(all)));
    }
}
