package org.alor.store;

import org.alor.data.ClassInfo;
import org.alor.data.SampleRecord;
import org.alor.data.Split;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One ALOR project: a folder holding {@code project.alor} (SQLite) and {@code features/} (embedding cache).
 *
 * <p>The connection runs in WAL mode with foreign keys on and {@code synchronous=FULL}: WAL alone already
 * survives a killed process at any moment (an uncommitted transaction is simply not in the log), FULL
 * additionally fsyncs the log at each commit so a power cut cannot lose labels a person already entered.
 * Commits happen at human labeling speed or once per bulk batch, so the extra fsync costs nothing noticeable.
 *
 * <p>Every write runs in a transaction ({@link #inTransaction}); all methods are synchronized on the store,
 * so one instance may be shared by a UI thread and background jobs.
 */
public final class ProjectStore implements AutoCloseable {
    public static final String DATABASE_FILE = "project.alor";
    public static final String FEATURES_DIR = "features";
    /** "ALOR" in ASCII, written to {@code PRAGMA application_id} so foreign SQLite files are recognised. */
    static final int APPLICATION_ID = 0x414C4F52;
    static final int BUSY_TIMEOUT_MS = 5000;

    private final Path dir;
    private final Path dbFile;
    private final Connection connection;
    private final Settings settings;
    private final ClassTable classes;
    private final SampleTable samples;
    private final LabelLog labels;
    private final RoundTable rounds;
    private final PredictionTable predictions;
    private final FeatureCache features;
    private int transactionDepth;
    private boolean closed;

    private ProjectStore(Path dir, Connection connection) {
        this.dir = dir;
        this.dbFile = dir.resolve(DATABASE_FILE);
        this.connection = connection;
        this.settings = new Settings(this);
        this.classes = new ClassTable(this);
        this.samples = new SampleTable(this);
        this.labels = new LabelLog(this);
        this.rounds = new RoundTable(this);
        this.predictions = new PredictionTable(this);
        this.features = new FeatureCache(this, dir.resolve(FEATURES_DIR));
    }

    // ---------------------------------------------------------------- opening

    /** Creates a new project in {@code dir} (created if needed); fails if it already holds a project. */
    public static ProjectStore create(Path dir) {
        return create(dir, Migrations.ALL);
    }

    static ProjectStore create(Path dir, List<Migration> migrations) {
        Path db = dir.resolve(DATABASE_FILE);
        if (Files.exists(db)) throw new StoreException(db + ": a project already exists here");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException(dir + ": cannot create the project folder (" + e.getMessage() + ")", e);
        }
        Connection c = connect(db, true);
        try {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA application_id = " + APPLICATION_ID);
            }
            Migrations.upgrade(c, migrations);
            ProjectStore store = new ProjectStore(dir, c);
            store.settings().set(Settings.CREATED_AT, Instant.now());
            return store;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            deleteQuietly(db);
            if (e instanceof StoreException se) throw se;
            throw new StoreException(db + ": cannot create the project database (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Opens the project in {@code dir}, migrating an older schema forward. Fails with a message naming the file
     * when it is missing, not an ALOR project, or written by a newer ALOR Studio.
     */
    public static ProjectStore open(Path dir) {
        return open(dir, Migrations.ALL);
    }

    static ProjectStore open(Path dir, List<Migration> migrations) {
        Path db = dir.resolve(DATABASE_FILE);
        if (!Files.isRegularFile(db)) {
            throw new StoreException(db + ": no ALOR project here (" + (Files.isDirectory(dir)
                    ? DATABASE_FILE + " is missing; create a project first)" : "folder does not exist)"));
        }
        Connection c = connect(db, false);
        try {
            int appId;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA application_id")) {
                appId = rs.next() ? rs.getInt(1) : 0;
            }
            if (appId != APPLICATION_ID) throw new StoreException(db + ": not an ALOR project database");
            int version = Migrations.userVersion(c);
            int supported = migrations.get(migrations.size() - 1).version();
            if (version > supported) {
                throw new StoreException(db + ": schema version " + version + " is newer than this ALOR Studio supports ("
                        + supported + "); update ALOR Studio to open this project");
            }
            Migrations.upgrade(c, migrations);
            return new ProjectStore(dir, c);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            if (e instanceof StoreException se) throw se;
            throw new StoreException(db + ": not an ALOR project database (" + e.getMessage() + ")", e);
        }
    }

    private static Connection connect(Path db, boolean mayCreate) {
        SQLiteConfig config = new SQLiteConfig();
        if (!mayCreate) config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), config.toProperties());
            try (Statement st = c.createStatement()) {
                // The first statement that touches the file; fails with SQLITE_NOTADB on a foreign file.
                try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
                    String mode = rs.next() ? rs.getString(1) : "";
                    if (!"wal".equalsIgnoreCase(mode)) {
                        throw new StoreException(db + ": cannot switch the database to WAL mode (got " + mode + ")");
                    }
                }
                st.execute("PRAGMA foreign_keys = ON");
                st.execute("PRAGMA synchronous = FULL");
                st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            }
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException(db + ": not an ALOR project database (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** Removes a half-created database so that a retry of create() is not refused. */
    private static void deleteQuietly(Path db) {
        for (String suffix : List.of("", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing; the original error is the useful one
        }
    }

    // ---------------------------------------------------------------- basics

    /** The project folder. */
    public Path dir() {
        return dir;
    }

    /** The database file, {@code <dir>/project.alor}. */
    public Path databaseFile() {
        return dbFile;
    }

    public synchronized int schemaVersion() {
        return read(Migrations::userVersion);
    }

    /** Typed key/value settings of the project. */
    public Settings settings() {
        return settings;
    }

    /** The embedding cache under {@code <dir>/features/}. */
    public FeatureCache features() {
        return features;
    }

    /**
     * Runs {@code work} in one transaction (BEGIN IMMEDIATE, so it holds the write lock from the start) and
     * commits; any exception rolls everything back and is rethrown (checked ones wrapped in {@link StoreException}).
     * Nested calls run in a savepoint of the outer transaction.
     */
    public synchronized <T> T inTransaction(SqlWork<T> work) {
        ensureOpen();
        boolean outer = transactionDepth == 0;
        String savepoint = "sp" + transactionDepth;
        try (Statement st = connection.createStatement()) {
            st.execute(outer ? "BEGIN IMMEDIATE" : "SAVEPOINT " + savepoint);
            transactionDepth++;
            T result;
            try {
                result = work.run(connection);
            } catch (Throwable t) {
                transactionDepth--;
                rollback(st, outer, savepoint, t);
                throw t;
            }
            transactionDepth--;
            try {
                st.execute(outer ? "COMMIT" : "RELEASE " + savepoint);
            } catch (SQLException e) {
                rollback(st, outer, savepoint, e);
                throw e;
            }
            return result;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (SQLException e) {
            throw new StoreException(dbFile + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new StoreException(dbFile + ": transaction failed (" + e + ")", e);
        }
    }

    private void rollback(Statement st, boolean outer, String savepoint, Throwable cause) {
        try {
            if (outer) {
                st.execute("ROLLBACK");
            } else {
                st.execute("ROLLBACK TO " + savepoint);
                st.execute("RELEASE " + savepoint);
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Runs a read-only query outside any explicit transaction. */
    synchronized <T> T read(SqlWork<T> work) {
        ensureOpen();
        try {
            return work.run(connection);
        } catch (RuntimeException e) {
            throw e;
        } catch (SQLException e) {
            throw new StoreException(dbFile + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new StoreException(dbFile + ": read failed (" + e + ")", e);
        }
    }

    private void ensureOpen() {
        if (closed) throw new StoreException(dbFile + ": the project is closed");
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException(dbFile + ": close failed (" + e.getMessage() + ")", e);
        }
    }

    /** {@code PRAGMA integrity_check}: "ok" for a sound database, otherwise SQLite's first problem. */
    public synchronized String integrityCheck() {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                return rs.next() ? rs.getString(1) : "no result";
            }
        });
    }

    /** Value of a PRAGMA (e.g. "journal_mode", "foreign_keys", "synchronous"), for diagnostics and tests. */
    public synchronized String pragma(String name) {
        if (!name.matches("[a-z_]+")) throw new IllegalArgumentException("bad pragma name " + name);
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    // ---------------------------------------------------------------- classes

    /** All classes by id, with every synonym (excluded ones too) in their stored order. */
    public synchronized List<ClassInfo> classes() {
        return classes.all();
    }

    /**
     * Makes the class table equal to {@code list}: updates classes by id, adds new ones, deletes missing ones
     * (fails, changing nothing, if a deleted class is still referenced by samples, labels or results).
     * Synonyms are replaced; an excluded flag survives for a synonym that is kept.
     */
    public synchronized void replaceClasses(List<ClassInfo> list) {
        classes.replace(list);
    }

    /** Synonyms of one class with counts and excluded flags, in stored order. */
    public synchronized List<ClassSynonym> synonyms(int classId) {
        return classes.synonyms(classId);
    }

    public synchronized void setSynonymExcluded(int classId, String synonym, boolean excluded) {
        classes.setExcluded(classId, synonym, excluded);
    }

    /** Stores corpus caption counts: classId → (synonym → count); unknown synonyms are an error. */
    public synchronized void updateSynonymCounts(Map<Integer, Map<String, Integer>> counts) {
        classes.updateCounts(counts);
    }

    public synchronized void setMostCommonName(int classId, String name) {
        classes.setMostCommonName(classId, name);
    }

    // ---------------------------------------------------------------- samples

    /** Adds one task or retrieved sample (no provenance) and returns its id. */
    public synchronized long addSample(SampleRecord sample) {
        return samples.insert(List.of(sample), null).get(0);
    }

    /** Adds one retrieved sample with its provenance JSON (corpus, shard, key, url, synonym, score). */
    public synchronized long addRetrieved(SampleRecord sample, String provenanceJson) {
        if (provenanceJson == null) throw new IllegalArgumentException("provenance JSON is required");
        return samples.insert(List.of(sample), List.of(provenanceJson)).get(0);
    }

    /** Adds many samples in one transaction (all or nothing); returns their ids in order. */
    public synchronized List<Long> insertSamples(List<SampleRecord> list) {
        return samples.insert(list, null);
    }

    /** Adds many retrieved samples with provenance JSON (parallel lists) in one transaction. */
    public synchronized List<Long> insertRetrieved(List<SampleRecord> list, List<String> provenanceJson) {
        if (provenanceJson == null || provenanceJson.size() != list.size()) {
            throw new IllegalArgumentException("one provenance JSON per retrieved sample is required");
        }
        return samples.insert(list, provenanceJson);
    }

    public synchronized Optional<StoredSample> sample(long id) {
        return samples.byId(id);
    }

    public synchronized Optional<StoredSample> sampleByPath(Split split, String path) {
        return samples.byPath(split, path);
    }

    /** Samples of a split ordered by id. */
    public synchronized List<StoredSample> samples(Split split) {
        return samples.bySplit(split);
    }

    /** Every split with its sample count (0 for empty splits). */
    public synchronized Map<Split, Integer> countsBySplit() {
        return samples.countsBySplit();
    }

    /** classId → number of samples of {@code split} whose true label is that class (classes without any: absent). */
    public synchronized SortedMap<Integer, Integer> trueLabelCounts(Split split) {
        return samples.trueLabelCounts(split);
    }

    /** Sets the (oracle / ground-truth) label of a sample, e.g. when importing split files after the images. */
    public synchronized void setTrueLabel(long sampleId, Integer classId) {
        samples.setTrueLabel(sampleId, classId);
    }

    // ---------------------------------------------------------------- labels

    /** Appends a "label" event; returns its id. */
    public synchronized long addLabel(long sampleId, int classId, String who, Integer round) {
        return labels.append(sampleId, LabelKind.LABEL, classId, who, round);
    }

    public synchronized long markUnsure(long sampleId, String who, Integer round) {
        return labels.append(sampleId, LabelKind.UNSURE, null, who, round);
    }

    public synchronized long markSkip(long sampleId, String who, Integer round) {
        return labels.append(sampleId, LabelKind.SKIP, null, who, round);
    }

    /**
     * Appends an undo of {@code eventId} (which must be effective). Undoing an undo re-applies its target.
     * Returns the new event's id.
     */
    public synchronized long undo(long eventId, String who) {
        return labels.undo(eventId, who);
    }

    /** Undoes {@code who}'s latest still-effective label/unsure/skip; the undo event, or empty if none. */
    public synchronized Optional<LabelEvent> undoLast(String who) {
        return labels.undoLast(who);
    }

    /**
     * Re-applies what {@code who}'s latest effective undo cancelled, unless {@code who} acted since (as in an
     * editor, a new action ends the redo chain). The redo event, or empty if nothing to redo.
     */
    public synchronized Optional<LabelEvent> redoLast(String who) {
        return labels.redoLast(who);
    }

    /** Current state of every sample that has one (sampleId → state); unlabeled samples are absent. */
    public synchronized Map<Long, LabelState> currentLabels() {
        return labels.current();
    }

    public synchronized Optional<LabelState> currentLabel(long sampleId) {
        return labels.current(sampleId);
    }

    /** All events of a sample in order, including undos, each with its effective flag. */
    public synchronized List<LabelEvent> labelHistory(long sampleId) {
        return labels.history(sampleId);
    }

    /** classId → number of samples whose current state is a label of that class. */
    public synchronized SortedMap<Integer, Integer> labelCounts() {
        return labels.countsByClass();
    }

    /** Total number of rows in the label log (events of every kind). */
    public synchronized long labelEventCount() {
        return labels.eventCount();
    }

    // ---------------------------------------------------------------- rounds, selections, metrics

    public synchronized void insertRound(RoundRecord round) {
        rounds.insert(round);
    }

    /**
     * Sets a round's status; the first move out of PLANNED records {@code startedAt}, a terminal status
     * records {@code finishedAt}.
     */
    public synchronized void updateRoundStatus(int index, RoundStatus status) {
        rounds.updateStatus(index, status);
    }

    public synchronized void setRoundSummary(int index, String summaryJson) {
        rounds.setSummary(index, summaryJson);
    }

    public synchronized Optional<RoundRecord> round(int index) {
        return rounds.byIndex(index);
    }

    public synchronized List<RoundRecord> rounds() {
        return rounds.all();
    }

    /** Replaces the selections of a round (e.g. after the selecting step is redone). */
    public synchronized void saveSelections(int round, List<Selection> selections) {
        rounds.saveSelections(round, selections);
    }

    /** Selections of a round ordered by rank. */
    public synchronized List<Selection> selections(int round) {
        return rounds.selections(round);
    }

    /** Replaces the metrics of {@code round} for every split that appears in {@code rows}. */
    public synchronized void saveMetrics(int round, List<MetricRow> rows) {
        rounds.saveMetrics(round, rows);
    }

    /** Metrics of a round: overall rows first, then per class, each by split. */
    public synchronized List<MetricRow> metrics(int round) {
        return rounds.metrics(round);
    }

    /** round → overall metric row of {@code split}, for learning curves. */
    public synchronized SortedMap<Integer, MetricRow> overallMetrics(Split split) {
        return rounds.overallMetrics(split);
    }

    // ---------------------------------------------------------------- predictions (schema v3)

    /** Replaces every stored prediction of {@code round} (all splits) with {@code list}, in one transaction. */
    public synchronized void savePredictions(int round, List<Prediction> list) {
        predictions.replace(round, list);
    }

    /** Predictions of a round for one split, ordered by sample id. */
    public synchronized List<Prediction> predictions(int round, Split split) {
        return predictions.byRound(round, split);
    }

    public synchronized Optional<Prediction> prediction(int round, long sampleId) {
        return predictions.one(round, sampleId);
    }

    // ---------------------------------------------------------------- copies

    /**
     * Writes a compact, consistent copy of the database to {@code targetDir/project.alor} ({@code VACUUM INTO}
     * a temporary file, then an atomic rename, so an interrupted copy never looks like a project). The feature
     * cache is not copied: sample ids are kept, so the source's cache still applies.
     */
    public synchronized void copyDatabaseTo(Path targetDir) {
        ensureOpen();
        Path target = targetDir.resolve(DATABASE_FILE);
        if (Files.exists(target)) throw new StoreException(target + ": a project already exists here");
        Path tmp = targetDir.resolve(DATABASE_FILE + ".copying");
        try {
            Files.createDirectories(targetDir);
            Files.deleteIfExists(tmp);
            try (Statement st = connection.createStatement()) {
                st.execute("VACUUM INTO '" + tmp.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | SQLException e) {
            deleteQuietly(tmp);
            throw new StoreException(target + ": cannot copy the project database (" + e.getMessage() + ")", e);
        }
    }
}
