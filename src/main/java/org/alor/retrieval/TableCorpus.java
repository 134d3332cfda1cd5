package org.alor.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Caption metadata tables (Parquet or CSV) scanned with DuckDB embedded: each file is a shard; rows stream through
 * a JDBC result set with a fetch size and DuckDB's streaming results, so a table never sits in memory.
 * Columns are given or detected (LAION's {@code SAMPLE_ID/TEXT/URL}, else {@code key/caption/url}, case-insensitive).
 * The table holds URLs only: images come from the downloader.
 */
public final class TableCorpus implements CorpusReader {
    public enum Kind { PARQUET, CSV }

    private static final int FETCH_SIZE = 8192;
    private final Path root;
    private final Kind kind;
    private final List<String> shards;
    private final String name;
    private final TableColumns configured;

    /**
     * @param path    one table file or a folder of them (searched recursively)
     * @param columns column names, or null to detect them per file
     */
    public TableCorpus(Path path, Kind kind, TableColumns columns) throws IOException {
        this.kind = kind;
        this.configured = columns;
        ShardFolder folder = ShardFolder.find(path, kind == Kind.PARQUET ? ".parquet" : ".csv");
        this.root = folder.root();
        this.shards = folder.shards();
        this.name = folder.name();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> shards() {
        return shards;
    }

    @Override
    public boolean holdsImages() {
        return false;
    }

    @Override
    public Optional<InputStream> openImage(String shard, String key) {
        return Optional.empty();
    }

    /** A fresh in-memory DuckDB connection streaming its results. */
    public static Connection connect() throws SQLException {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new SQLException("the DuckDB JDBC driver is not on the class path", e);
        }
        Properties p = new Properties();
        p.setProperty("jdbc_stream_results", "true");
        return DriverManager.getConnection("jdbc:duckdb:", p);
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String ident(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** The table function reading one file, everything as text for CSV (keys like 000123 keep their zeros). */
    String source(Path file) {
        String f = literal(file.toAbsolutePath().toString());
        return kind == Kind.PARQUET ? "read_parquet(" + f + ")" : "read_csv(" + f + ", header = true, all_varchar = true)";
    }

    @Override
    public void scan(String shard, Consumer<CaptionRecord> records, Consumer<String> warnings) throws IOException {
        Path file = root.resolve(shard);
        if (kind == Kind.CSV) CsvQuoteCheck.check(file);
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("SET threads = 2");
            TableColumns cols = configured != null ? configured : detect(st, file);
            String keyExpr = cols.key() == null ? "NULL" : "CAST(" + ident(cols.key()) + " AS VARCHAR)";
            String urlExpr = cols.url() == null ? "NULL" : "CAST(" + ident(cols.url()) + " AS VARCHAR)";
            st.setFetchSize(FETCH_SIZE);
            long row = 0;
            try (ResultSet rs = st.executeQuery("SELECT " + keyExpr + ", CAST(" + ident(cols.caption()) + " AS VARCHAR), "
                    + urlExpr + " FROM " + source(file))) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    if (key == null) key = Long.toString(row);
                    row++;
                    String caption = rs.getString(2);
                    if (caption == null) continue;
                    records.accept(new CaptionRecord(key, caption, rs.getString(3), shard));
                }
            }
        } catch (SQLException e) {
            throw new IOException(file + ": cannot read the table (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    /**
     * Parquet: pass 1 streams only the caption column (with {@code file_row_number}) through the filter; pass 2
     * fetches key and URL of the matching rows alone, through a temporary table of their row numbers. About 5% of
     * LAION captions name a class of a typical task, so most key/URL strings never cross JDBC.
     */
    @Override
    public void scanMatching(String shard, CaptionFilter filter, MatchSink sink, Consumer<String> warnings) throws IOException {
        if (kind != Kind.PARQUET) {
            CorpusReader.super.scanMatching(shard, filter, sink, warnings);
            return;
        }
        Path file = root.resolve(shard);
        String src = "read_parquet(" + literal(file.toAbsolutePath().toString()) + ", file_row_number = true)";
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("SET threads = 2");
            TableColumns cols = configured != null ? configured : detect(st, file);
            List<Long> rows = new ArrayList<>();
            List<String> captions = new ArrayList<>();
            List<int[]> results = new ArrayList<>();
            st.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = st.executeQuery("SELECT file_row_number, CAST(" + ident(cols.caption()) + " AS VARCHAR) FROM " + src)) {
                while (rs.next()) {
                    String caption = rs.getString(2);
                    if (caption == null) continue;
                    int[] refs = filter.test(caption);
                    if (refs.length == 0) continue;
                    rows.add(rs.getLong(1));
                    captions.add(caption);
                    results.add(refs);
                }
            }
            if (rows.isEmpty()) return;
            String[] keys = new String[rows.size()];
            String[] urls = new String[rows.size()];
            if (cols.key() != null || cols.url() != null) {
                st.execute("CREATE TABLE wanted (r BIGINT)"); // the database is this connection's private in-memory one
                try (DuckDBAppender a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "wanted")) {
                    for (long r : rows) {
                        a.beginRow();
                        a.append(r);
                        a.endRow();
                    }
                }
                String keyExpr = cols.key() == null ? "NULL" : "CAST(" + ident(cols.key()) + " AS VARCHAR)";
                String urlExpr = cols.url() == null ? "NULL" : "CAST(" + ident(cols.url()) + " AS VARCHAR)";
                Map<Long, Integer> index = new HashMap<>(rows.size() * 2);
                for (int i = 0; i < rows.size(); i++) index.put(rows.get(i), i);
                try (ResultSet rs = st.executeQuery("SELECT file_row_number, " + keyExpr + ", " + urlExpr + " FROM " + src
                        + " WHERE file_row_number IN (SELECT r FROM wanted)")) {
                    while (rs.next()) {
                        Integer i = index.get(rs.getLong(1));
                        if (i == null) continue;
                        keys[i] = rs.getString(2);
                        urls[i] = rs.getString(3);
                    }
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                String key = keys[i] != null ? keys[i] : Long.toString(rows.get(i));
                sink.accept(new CaptionRecord(key, captions.get(i), urls[i], shard), results.get(i));
            }
        } catch (SQLException e) {
            throw new IOException(file + ": cannot read the table (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    /** Finds the key/caption/url columns by name: LAION's first, then the plain names, ignoring case. */
    TableColumns detect(Statement st, Path file) throws SQLException, IOException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + source(file))) {
            while (rs.next()) names.add(rs.getString(1));
        }
        String caption = find(names, "TEXT", "caption");
        if (caption == null) {
            throw new IOException(file + ": no caption column (expected TEXT or caption; columns are " + names
                    + "); name it with --caption-column");
        }
        return new TableColumns(find(names, "SAMPLE_ID", "key"), caption, find(names, "URL", "url"));
    }

    private static String find(List<String> names, String... wanted) {
        for (String w : wanted) for (String n : names) if (n.equalsIgnoreCase(w)) return n;
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
