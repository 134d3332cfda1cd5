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
import java.util.ArrayList;
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
    private final TableColumns configured;

    /**
     * @param path    one table file or a folder of them (searched recursively)
     * @param columns column names, or null to detect them per file
     */
    public TableCorpus(Path path, Kind kind, TableColumns columns) throws IOException {
        this.kind = kind;
        this.configured = columns;
        String ext = kind == Kind.PARQUET ? ".parquet" : ".csv";
        if (Files.isRegularFile(path)) {
            this.root = path.toAbsolutePath().getParent();
            this.shards = List.of(path.getFileName().toString());
        } else {
            this.root = path;
            try (Stream<Path> s = Files.walk(path)) {
                this.shards = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext))
                        .map(p -> path.relativize(p).toString().replace('\\', '/')).sorted().toList();
            }
            if (shards.isEmpty()) throw new IOException(path + ": no " + ext + " files found");
        }
    }

    @Override
    public String name() {
        return root.getFileName() == null ? root.toString() : root.getFileName().toString();
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
