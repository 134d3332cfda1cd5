package org.alor.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One ALOR project: a folder holding {@code project.alor} (the {@link Database}) and {@code features/} (embedding
 * cache), and the tables of that database. The tables share the database's lock, so one project may be shared
 * by a UI thread and background jobs; {@code database().inTransaction(…)} groups writes to several tables.
 */
public final class ProjectStore implements AutoCloseable {
    public static final String DATABASE_FILE = "project.alor";
    public static final String FEATURES_DIR = "features";
    /** "ALOR" in ASCII, written to {@code PRAGMA application_id} so foreign SQLite files are recognised. */
    static final int APPLICATION_ID = Database.APPLICATION_ID;

    private final Path dir;
    private final Database database;
    private final Settings settings;
    private final ClassTable classes;
    private final SampleTable samples;
    private final LabelLog labels;
    private final RoundTable rounds;
    private final PredictionTable predictions;
    private final FeatureCache features;
    private WriterLock writerLock;

    private ProjectStore(Path dir, Database database) {
        this.dir = dir;
        this.database = database;
        this.settings = new Settings(database);
        this.classes = new ClassTable(database);
        this.samples = new SampleTable(database);
        this.labels = new LabelLog(database);
        this.rounds = new RoundTable(database);
        this.predictions = new PredictionTable(database);
        this.features = new FeatureCache(database, dir.resolve(FEATURES_DIR));
        database.beforeWrite(this::lockForWriting);
    }

    /**
     * Takes the project's writer lock (one writing session per project, across processes and within this one)
     * unless this store holds it already; the first write does this by itself. Fails naming the session that
     * holds it. Released when the store closes.
     */
    public synchronized void lockForWriting() {
        if (writerLock != null) return;
        database.requireWritable();
        writerLock = WriterLock.acquire(dir);
    }

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
        Database database = Database.create(db, migrations);
        ProjectStore store = null;
        try {
            store = new ProjectStore(dir, database);
            store.settings().set(Settings.CREATED_AT, Instant.now());
            return store;
        } catch (RuntimeException e) {
            if (store != null) store.close();
            else database.close();
            Database.deleteQuietly(db);
            throw e;
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
        if (!Files.isWritable(dir) || !Files.isWritable(db)) return new ProjectStore(dir, Database.openReadOnly(db, migrations));
        return new ProjectStore(dir, Database.open(db, migrations));
    }

    /**
     * Opens the project in {@code dir} for reading only, as {@link #open} does by itself when the folder or the
     * database file is not writable: reads work, every write fails with "read-only project".
     */
    public static ProjectStore openReadOnly(Path dir) {
        Path db = dir.resolve(DATABASE_FILE);
        if (!Files.isRegularFile(db)) return open(dir); // the same "no project here" message
        return new ProjectStore(dir, Database.openReadOnly(db, Migrations.ALL));
    }

    /** The project folder. */
    public Path dir() {
        return dir;
    }

    /** The database file, {@code <dir>/project.alor}. */
    public Path databaseFile() {
        return database.file();
    }

    /** The project database: transactions over several tables, integrity checks, pragmas. */
    public Database database() {
        return database;
    }

    /** Typed key/value settings of the project. */
    public Settings settings() {
        return settings;
    }

    /** Classes and their synonyms. */
    public ClassTable classTable() {
        return classes;
    }

    /** Task and retrieved samples with their true labels. */
    public SampleTable sampleTable() {
        return samples;
    }

    /** The append-only label log (labels, unsure, skip, undo) and the current labels derived from it. */
    public LabelLog labelLog() {
        return labels;
    }

    /** Rounds with their selections and metrics. */
    public RoundTable roundTable() {
        return rounds;
    }

    /** Stored predictions per round. */
    public PredictionTable predictionTable() {
        return predictions;
    }

    /** The embedding cache under {@code <dir>/features/}. */
    public FeatureCache features() {
        return features;
    }

    /**
     * Fails naming the damage when {@code PRAGMA quick_check} finds any (a damaged page, a broken record), so a
     * command does not report from a database that is silently losing rows.
     */
    public void requireIntact() {
        List<String> problems = database.quickCheck(3);
        if (!problems.isEmpty()) {
            throw new StoreException(databaseFile() + ": the database is damaged (PRAGMA quick_check: "
                    + String.join("; ", problems).replace('\n', ' ') + "); restore it from a backup, or salvage what"
                    + " is readable with `sqlite3 " + databaseFile() + " .recover`");
        }
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            synchronized (this) {
                if (writerLock != null) writerLock.close();
                writerLock = null;
            }
        }
    }

    /**
     * Writes a compact, consistent copy of the database to {@code targetDir/project.alor}. The feature cache is
     * not copied: sample ids are kept, so the source's cache still applies.
     */
    public void copyDatabaseTo(Path targetDir) {
        database.copyTo(targetDir.resolve(DATABASE_FILE));
    }

    /** Runs {@code work} in one transaction of the project database; short for {@code database().inTransaction}. */
    public <T> T inTransaction(SqlWork<T> work) {
        return database.inTransaction(work);
    }
}
