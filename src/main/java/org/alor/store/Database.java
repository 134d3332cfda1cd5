package org.alor.store;

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
import java.util.List;

/**
 * The project's SQLite database ({@code project.alor}): one connection, transactions and reads.
 *
 * <p>The connection runs in WAL mode with foreign keys on and {@code synchronous=FULL}: WAL alone already
 * survives a killed process at any moment (an uncommitted transaction is simply not in the log), FULL
 * additionally fsyncs the log at each commit so a power cut cannot lose labels a person already entered.
 * Commits happen at human labeling speed or once per bulk batch, so the extra fsync costs nothing noticeable.
 *
 * <p>Every write runs in a transaction ({@link #inTransaction}); transactions and reads are synchronized on the
 * database, so the tables built on it may be shared by a UI thread and background jobs.
 */
public final class Database implements AutoCloseable {
    /** "ALOR" in ASCII, written to {@code PRAGMA application_id} so foreign SQLite files are recognised. */
    static final int APPLICATION_ID = 0x414C4F52;
    static final int BUSY_TIMEOUT_MS = 5000;

    private final Path file;
    private final Connection connection;
    private final boolean readOnly;
    private int transactionDepth;
    private boolean closed;
    private Runnable beforeWrite = () -> { };

    private Database(Path file, Connection connection) {
        this(file, connection, false);
    }

    private Database(Path file, Connection connection, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /** Creates the database file with the schema of {@code migrations}; fails if the file exists. */
    static Database create(Path file, List<Migration> migrations) {
        if (Files.exists(file)) throw new StoreException(file + ": a project already exists here");
        Connection c = connect(file, true);
        try {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA application_id = " + APPLICATION_ID);
            }
            Migrations.upgrade(c, migrations);
            return new Database(file, c);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            deleteQuietly(file);
            if (e instanceof StoreException se) throw se;
            throw new StoreException(file + ": cannot create the project database (" + e.getMessage() + ")", e);
        }
    }

    /** Opens an existing ALOR database, migrating an older schema forward; refuses foreign and newer files. */
    static Database open(Path file, List<Migration> migrations) {
        Connection c = connect(file, false);
        try {
            schemaVersion(c, file, migrations.get(migrations.size() - 1).version());
            Migrations.upgrade(c, migrations);
            return new Database(file, c);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            if (e instanceof StoreException se) throw se;
            throw new StoreException(file + ": not an ALOR project database (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Opens an ALOR database that cannot be written (read-only folder or file): a read-only connection, no journal
     * mode change and no migration (an older schema is refused naming the fix); {@link #inTransaction} then fails
     * with "read-only project". When SQLite cannot even read the WAL index there (no -shm, folder read-only), the
     * file is opened as immutable: nobody can change it through this folder anyway.
     */
    static Database openReadOnly(Path file, List<Migration> migrations) {
        Connection c;
        try {
            c = connectReadOnly(file, false);
        } catch (StoreException e) {
            c = connectReadOnly(file, true);
        }
        try {
            int supported = migrations.get(migrations.size() - 1).version();
            int version = schemaVersion(c, file, supported);
            if (version < supported) {
                throw new StoreException(file + ": read-only project with the older schema version " + version
                        + "; open it once where it is writable so that it is upgraded to version " + supported);
            }
            return new Database(file, c, true);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            if (e instanceof StoreException se) throw se;
            throw new StoreException(file + ": not an ALOR project database (" + e.getMessage() + ")", e);
        }
    }

    /** The schema version of an ALOR database no newer than {@code supported}; refuses a foreign or newer file. */
    private static int schemaVersion(Connection c, Path file, int supported) throws SQLException {
        int appId;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA application_id")) {
            appId = rs.next() ? rs.getInt(1) : 0;
        }
        if (appId != APPLICATION_ID) throw new StoreException(file + ": not an ALOR project database");
        int version = Migrations.userVersion(c);
        if (version > supported) {
            throw new StoreException(file + ": schema version " + version + " is newer than this ALOR Studio supports ("
                    + supported + "); update ALOR Studio to open this project");
        }
        return version;
    }

    private static Connection connectReadOnly(Path db, boolean immutable) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        String uri = db.toAbsolutePath().toUri().toString().replaceFirst("^file:///", "file:/");
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + uri + "?mode=ro" + (immutable ? "&immutable=1" : ""),
                    config.toProperties());
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                rs.next(); // the first read: fails here when the file is foreign or the WAL index cannot be opened
            }
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException(db + ": not an ALOR project database (" + e.getMessage() + ")", e);
        }
    }

    /** Fails with "read-only project" when this database was opened read-only. */
    public void requireWritable() {
        if (readOnly) {
            throw new StoreException(file + ": read-only project (the folder or database file is not writable); this"
                    + " only reads it: copy the project folder somewhere writable, or make it writable, to change it");
        }
    }

    /** Runs before every outermost write transaction (the project's writer lock is taken there). */
    void beforeWrite(Runnable hook) {
        this.beforeWrite = hook;
    }

    /** Whether this database was opened read-only (writes are refused). */
    public boolean isReadOnly() {
        return readOnly;
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

    /** Removes a half-written database so that a retry is not refused. */
    static void deleteQuietly(Path db) {
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

    /** The database file. */
    public Path file() {
        return file;
    }

    public synchronized int schemaVersion() {
        return read(Migrations::userVersion);
    }

    /**
     * Runs {@code work} in one transaction (BEGIN IMMEDIATE, so it holds the write lock from the start) and
     * commits; any exception rolls everything back and is rethrown (checked ones wrapped in {@link StoreException}).
     * Nested calls run in a savepoint of the outer transaction.
     */
    public synchronized <T> T inTransaction(SqlWork<T> work) {
        ensureOpen();
        requireWritable();
        if (transactionDepth == 0) beforeWrite.run();
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
            throw new StoreException(file + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new StoreException(file + ": transaction failed (" + e + ")", e);
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
            throw new StoreException(file + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new StoreException(file + ": read failed (" + e + ")", e);
        }
    }

    private void ensureOpen() {
        if (closed) throw new StoreException(file + ": the project is closed");
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException(file + ": close failed (" + e.getMessage() + ")", e);
        }
    }

    /** {@code PRAGMA integrity_check}: "ok" for a sound database, otherwise SQLite's first problem. */
    public String integrityCheck() {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                return rs.next() ? rs.getString(1) : "no result";
            }
        });
    }

    /**
     * {@code PRAGMA quick_check}: the damage SQLite finds in pages and records (not index contents), at most
     * {@code limit} problems; empty for a sound database. Reads every page, so it is for opening, not every query.
     */
    public List<String> quickCheck(int limit) {
        return read(c -> {
            List<String> problems = new java.util.ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check(" + limit + ")")) {
                while (rs.next()) problems.add(rs.getString(1));
            } catch (SQLException e) {
                problems.add(e.getMessage()); // damage bad enough that the check itself fails
            }
            if (problems.size() == 1 && "ok".equals(problems.get(0))) problems.clear();
            return problems;
        });
    }

    /** Value of a PRAGMA (e.g. "journal_mode", "foreign_keys", "synchronous"), for diagnostics and tests. */
    public String pragma(String name) {
        if (!name.matches("[a-z_]+")) throw new IllegalArgumentException("bad pragma name " + name);
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    /**
     * Writes a compact, consistent copy to {@code target} ({@code VACUUM INTO} a temporary file, then an atomic
     * rename, so an interrupted copy never looks like a project).
     */
    public synchronized void copyTo(Path target) {
        ensureOpen();
        if (Files.exists(target)) throw new StoreException(target + ": a project already exists here");
        Path tmp = target.resolveSibling(target.getFileName() + ".copying");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
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
