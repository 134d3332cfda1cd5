package org.alor.store;

import org.alor.data.SampleRecord;
import org.alor.data.Split;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The project's task and retrieved samples ({@code samples} table) with their true labels. */
public final class SampleTable {
    private static final String COLUMNS = "id, path, split, true_label, width, height, content_hash, provenance";
    private final Database db;

    SampleTable(Database db) {
        this.db = db;
    }

    /** Adds one task or retrieved sample (no provenance) and returns its id. */
    public long add(SampleRecord sample) {
        return insertAll(List.of(sample), null).get(0);
    }

    /** Adds one retrieved sample with its provenance JSON (corpus, shard, key, url, synonym, score). */
    public long addRetrieved(SampleRecord sample, String provenanceJson) {
        if (provenanceJson == null) throw new IllegalArgumentException("provenance JSON is required");
        return insertAll(List.of(sample), List.of(provenanceJson)).get(0);
    }

    /** Adds many samples in one transaction (all or nothing); returns their ids in order. */
    public List<Long> insert(List<SampleRecord> list) {
        return insertAll(list, null);
    }

    /** Adds many retrieved samples with provenance JSON (parallel lists) in one transaction. */
    public List<Long> insertRetrieved(List<SampleRecord> list, List<String> provenanceJson) {
        if (provenanceJson == null || provenanceJson.size() != list.size()) {
            throw new IllegalArgumentException("one provenance JSON per retrieved sample is required");
        }
        return insertAll(list, provenanceJson);
    }

    private List<Long> insertAll(List<SampleRecord> list, List<String> provenance) {
        for (int i = 0; i < list.size(); i++) {
            SampleRecord r = list.get(i);
            if (r.path() == null || r.path().isEmpty()) throw new IllegalArgumentException("sample " + i + " has no path");
            if (r.split() == null) throw new IllegalArgumentException(r.path() + ": no split");
            if (r.contentHash() == null) throw new IllegalArgumentException(r.path() + ": no content hash");
            if (provenance != null && r.split() != Split.RETRIEVED) {
                throw new IllegalArgumentException(r.path() + ": only retrieved samples carry provenance");
            }
        }
        return db.inTransaction(c -> {
            List<Long> ids = new ArrayList<>(list.size());
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO samples(path, split, true_label, width, height, content_hash, provenance)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                for (int i = 0; i < list.size(); i++) {
                    SampleRecord r = list.get(i);
                    ps.setString(1, r.path());
                    ps.setString(2, r.split().key());
                    if (r.trueLabel() == null) ps.setNull(3, Types.INTEGER);
                    else ps.setInt(3, r.trueLabel());
                    ps.setInt(4, r.width());
                    ps.setInt(5, r.height());
                    ps.setString(6, r.contentHash());
                    ps.setString(7, provenance == null ? null : provenance.get(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        ids.add(rs.getLong(1));
                    } catch (SQLException e) {
                        throw new StoreException(db.file() + ": cannot add sample " + r.path()
                                + " (" + r.split().key() + "): " + explain(e), e);
                    }
                }
            }
            return ids;
        });
    }

    private static String explain(SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("UNIQUE")) return "a sample with this path already exists";
        if (m.contains("FOREIGN KEY")) return "its true label is not a known class";
        if (m.contains("CHECK")) return "invalid values (" + m + ")";
        return m;
    }

    public Optional<StoredSample> byId(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM samples WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.<StoredSample>empty();
                }
            }
        });
    }

    public Optional<StoredSample> byPath(Split split, String path) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM samples WHERE split = ? AND path = ?")) {
                ps.setString(1, split.key());
                ps.setString(2, path);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.<StoredSample>empty();
                }
            }
        });
    }

    /** Samples of a split ordered by id. */
    public List<StoredSample> bySplit(Split split) {
        return db.read(c -> {
            List<StoredSample> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM samples WHERE split = ? ORDER BY id")) {
                ps.setString(1, split.key());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(row(rs));
                }
            }
            return out;
        });
    }

    /** Every split with its sample count (0 for empty splits). */
    public Map<Split, Integer> countsBySplit() {
        return db.read(c -> {
            Map<Split, Integer> out = new EnumMap<>(Split.class);
            for (Split s : Split.values()) out.put(s, 0);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT split, count(*) FROM samples GROUP BY split")) {
                while (rs.next()) out.put(Split.parse(rs.getString(1)), rs.getInt(2));
            }
            return out;
        });
    }

    /** classId → number of samples of {@code split} whose true label is that class (classes without any: absent). */
    public SortedMap<Integer, Integer> trueLabelCounts(Split split) {
        return db.read(c -> {
            SortedMap<Integer, Integer> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT true_label, count(*) FROM samples WHERE split = ? AND true_label IS NOT NULL GROUP BY true_label")) {
                ps.setString(1, split.key());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.put(rs.getInt(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** Sets the (oracle / ground-truth) label of a sample, e.g. when importing split files after the images. */
    public void setTrueLabel(long sampleId, Integer classId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE samples SET true_label = ? WHERE id = ?")) {
                if (classId == null) ps.setNull(1, Types.INTEGER);
                else ps.setInt(1, classId);
                ps.setLong(2, sampleId);
                if (ps.executeUpdate() != 1) throw new StoreException(db.file() + ": no sample " + sampleId);
            }
            return null;
        });
    }

    private static StoredSample row(ResultSet rs) throws SQLException {
        int label = rs.getInt(4);
        Integer trueLabel = rs.wasNull() ? null : label;
        return new StoredSample(rs.getLong(1), rs.getString(2), Split.parse(rs.getString(3)), trueLabel,
                rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getString(8));
    }
}
