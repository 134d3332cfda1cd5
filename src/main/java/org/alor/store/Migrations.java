package org.alor.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema of {@code project.alor} as a list of forward migrations; {@code PRAGMA user_version} holds the
 * number of migrations applied. Never edit a released migration: append a new one.
 */
public final class Migrations {
    private Migrations() {
    }

    private static final String SPLITS = "('pool','val','test','retrieved')";

    /** Foundation: settings, classes, samples, the label log, rounds, selections, metrics. */
    static final Migration V1 = new Migration(1, "foundation tables", List.of(
            "CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID",

            "CREATE TABLE classes ("
                    + " id INTEGER PRIMARY KEY CHECK (id >= 0),"
                    + " name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
                    + " most_common_name TEXT NOT NULL CHECK (length(trim(most_common_name)) > 0))",
            "CREATE TABLE class_synonyms ("
                    + " class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,"
                    + " synonym TEXT NOT NULL CHECK (length(trim(synonym)) > 0),"
                    + " position INTEGER NOT NULL,"
                    + " corpus_count INTEGER NOT NULL DEFAULT 0 CHECK (corpus_count >= 0),"
                    + " excluded INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1)),"
                    + " PRIMARY KEY (class_id, synonym)) WITHOUT ROWID",

            // Task images (pool/val/test) are unique by path relative to the dataset root; retrieved images
            // live under the project folder, so their paths form a namespace of their own.
            "CREATE TABLE samples ("
                    + " id INTEGER PRIMARY KEY,"
                    + " path TEXT NOT NULL CHECK (length(path) > 0),"
                    + " split TEXT NOT NULL CHECK (split IN " + SPLITS + "),"
                    + " true_label INTEGER REFERENCES classes(id),"
                    + " width INTEGER NOT NULL CHECK (width >= 0),"
                    + " height INTEGER NOT NULL CHECK (height >= 0),"
                    + " content_hash TEXT NOT NULL,"
                    + " provenance TEXT CHECK (provenance IS NULL OR (split = 'retrieved' AND json_valid(provenance))))",
            "CREATE UNIQUE INDEX samples_task_path ON samples(path) WHERE split <> 'retrieved'",
            "CREATE UNIQUE INDEX samples_retrieved_path ON samples(path) WHERE split = 'retrieved'",
            "CREATE INDEX samples_split_label ON samples(split, true_label)",
            "CREATE INDEX samples_true_label ON samples(true_label) WHERE true_label IS NOT NULL",
            "CREATE INDEX samples_content_hash ON samples(content_hash)",

            "CREATE TABLE rounds ("
                    + " idx INTEGER PRIMARY KEY CHECK (idx >= 0),"
                    + " method TEXT NOT NULL,"
                    + " strategy TEXT NOT NULL,"
                    + " seed INTEGER NOT NULL,"
                    + " budget INTEGER NOT NULL CHECK (budget >= 0),"
                    + " status TEXT NOT NULL CHECK (status IN"
                    + "   ('planned','training','selecting','labeling','done','failed','cancelled')),"
                    + " created_at INTEGER NOT NULL,"
                    + " started_at INTEGER,"
                    + " finished_at INTEGER,"
                    + " summary TEXT CHECK (summary IS NULL OR json_valid(summary)))",

            // Append-only: the current label is derived from the log; undo is a new event that reverts another.
            "CREATE TABLE label_events ("
                    + " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " sample_id INTEGER NOT NULL REFERENCES samples(id),"
                    + " kind TEXT NOT NULL CHECK (kind IN ('label','unsure','skip','undo')),"
                    + " class_id INTEGER REFERENCES classes(id),"
                    + " reverts INTEGER REFERENCES label_events(id),"
                    + " who TEXT NOT NULL CHECK (length(who) > 0),"
                    + " round INTEGER REFERENCES rounds(idx),"
                    + " at INTEGER NOT NULL,"
                    + " CHECK ((kind = 'label') = (class_id IS NOT NULL)),"
                    + " CHECK ((kind = 'undo') = (reverts IS NOT NULL)),"
                    + " CHECK (reverts IS NULL OR reverts < id))",
            "CREATE INDEX label_events_sample ON label_events(sample_id, id)",
            "CREATE INDEX label_events_who ON label_events(who, id)",
            "CREATE INDEX label_events_reverts ON label_events(reverts) WHERE reverts IS NOT NULL",
            "CREATE INDEX label_events_class ON label_events(class_id) WHERE class_id IS NOT NULL",
            "CREATE INDEX label_events_round ON label_events(round) WHERE round IS NOT NULL",
            "CREATE TRIGGER label_events_no_update BEFORE UPDATE ON label_events"
                    + " BEGIN SELECT RAISE(ABORT, 'label_events is append-only'); END",
            "CREATE TRIGGER label_events_no_delete BEFORE DELETE ON label_events"
                    + " BEGIN SELECT RAISE(ABORT, 'label_events is append-only'); END",
            "CREATE TRIGGER label_events_undo_same_sample BEFORE INSERT ON label_events"
                    + " WHEN NEW.kind = 'undo'"
                    + "  AND (SELECT sample_id FROM label_events WHERE id = NEW.reverts) IS NOT NEW.sample_id"
                    + " BEGIN SELECT RAISE(ABORT, 'an undo must revert an earlier event of the same sample'); END",

            "CREATE TABLE selections ("
                    + " round INTEGER NOT NULL REFERENCES rounds(idx) ON DELETE CASCADE,"
                    + " rank INTEGER NOT NULL CHECK (rank >= 0),"
                    + " sample_id INTEGER NOT NULL REFERENCES samples(id),"
                    + " picked_for_class INTEGER REFERENCES classes(id),"
                    + " score REAL,"
                    + " reason TEXT,"
                    + " PRIMARY KEY (round, rank),"
                    + " UNIQUE (round, sample_id)) WITHOUT ROWID",
            "CREATE INDEX selections_sample ON selections(sample_id)",
            "CREATE INDEX selections_class ON selections(picked_for_class) WHERE picked_for_class IS NOT NULL",

            "CREATE TABLE metrics ("
                    + " round INTEGER NOT NULL REFERENCES rounds(idx) ON DELETE CASCADE,"
                    + " split TEXT NOT NULL CHECK (split IN " + SPLITS + "),"
                    + " class_id INTEGER REFERENCES classes(id),"
                    + " accuracy REAL NOT NULL CHECK (accuracy BETWEEN 0 AND 1),"
                    + " macro_f1 REAL CHECK (macro_f1 IS NULL OR macro_f1 BETWEEN 0 AND 1),"
                    + " support INTEGER NOT NULL CHECK (support >= 0),"
                    + " correct INTEGER NOT NULL CHECK (correct BETWEEN 0 AND support))",
            // NULL class_id = overall; ifnull makes (round, split, overall) unique too.
            "CREATE UNIQUE INDEX metrics_key ON metrics(round, split, ifnull(class_id, -1))",
            "CREATE INDEX metrics_class ON metrics(class_id) WHERE class_id IS NOT NULL"));

    /** CLIP issue: index of cached image embeddings stored as blocks under {@code features/}. */
    static final Migration V2 = new Migration(2, "feature cache index", List.of(
            "CREATE TABLE feature_index ("
                    + " checkpoint_hash TEXT NOT NULL,"
                    + " preprocess_key TEXT NOT NULL,"
                    + " sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,"
                    + " dim INTEGER NOT NULL CHECK (dim > 0),"
                    + " dtype TEXT NOT NULL CHECK (dtype IN ('f32','f16')),"
                    + " file TEXT NOT NULL,"
                    + " byte_offset INTEGER NOT NULL CHECK (byte_offset >= 0),"
                    + " PRIMARY KEY (checkpoint_hash, preprocess_key, sample_id)) WITHOUT ROWID",
            "CREATE INDEX feature_index_sample ON feature_index(sample_id)",
            "CREATE INDEX feature_index_file ON feature_index(file)"));

    /**
     * Active-learning engine: what each round's model predicted per sample (top-k classes with probabilities,
     * entropy), for the labeling UI and error browsing. Top-k lists are little-endian blobs (int32 classes,
     * float32 probabilities) so a row stays ~80 bytes for k = 5.
     */
    static final Migration V3 = new Migration(3, "round predictions", List.of(
            "CREATE TABLE predictions ("
                    + " round INTEGER NOT NULL REFERENCES rounds(idx) ON DELETE CASCADE,"
                    + " sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,"
                    + " split TEXT NOT NULL CHECK (split IN " + SPLITS + "),"
                    + " predicted INTEGER NOT NULL,"
                    + " confidence REAL NOT NULL,"
                    + " entropy REAL NOT NULL,"
                    + " top_classes BLOB NOT NULL,"
                    + " top_probs BLOB NOT NULL,"
                    + " PRIMARY KEY (round, sample_id)) WITHOUT ROWID",
            "CREATE INDEX predictions_split_class ON predictions(round, split, predicted)"));

    /** Every migration, in order; {@link #latestVersion()} is the schema this build writes. */
    public static final List<Migration> ALL = List.of(V1, V2, V3);

    public static int latestVersion() {
        return ALL.get(ALL.size() - 1).version();
    }

    static int userVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Applies the migrations above the database's version, each in its own transaction together with the
     * version bump, so a crash leaves the database at the last completed version.
     */
    static void upgrade(Connection c, List<Migration> migrations) throws SQLException {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalStateException("migration " + i + " has version " + migrations.get(i).version());
            }
        }
        int current = userVersion(c);
        for (Migration m : migrations) {
            if (m.version() <= current) continue;
            try (Statement st = c.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                try {
                    m.apply(c);
                    st.execute("PRAGMA user_version = " + m.version());
                    st.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    st.execute("ROLLBACK");
                    throw e;
                }
            }
        }
    }
}
