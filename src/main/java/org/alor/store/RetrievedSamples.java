package org.alor.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Removal of retrieved samples, for when a re-run of retrieval drops items (cap lowered, synonym excluded). */
public final class RetrievedSamples {
    private RetrievedSamples() {
    }

    /**
     * Deletes the given retrieved samples in one transaction. Task samples are never touched. Fails (deleting
     * nothing) when a sample is still referenced by labels or selections.
     *
     * @return the number of rows deleted
     */
    public static int delete(ProjectStore store, List<Long> ids) {
        if (ids.isEmpty()) return 0;
        return store.database().inTransaction(c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM samples WHERE id = ? AND split = 'retrieved'")) {
                for (long id : ids) {
                    ps.setLong(1, id);
                    try {
                        n += ps.executeUpdate();
                    } catch (SQLException e) {
                        throw new StoreException(store.databaseFile() + ": retrieved sample " + id
                                + " cannot be removed: labels or selections refer to it", e);
                    }
                }
            }
            return n;
        });
    }
}
