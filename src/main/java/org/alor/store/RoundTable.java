package org.alor.store;

import org.alor.data.Split;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** The project's rounds with their selections and metrics ({@code rounds}, {@code selections}, {@code metrics}). */
public final class RoundTable {
    private static final String COLUMNS =
            "idx, method, strategy, seed, budget, status, started_at, finished_at, summary";
    private final Database db;

    RoundTable(Database db) {
        this.db = db;
    }

    public void insert(RoundRecord r) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rounds(idx, method, strategy, seed, budget, status,"
                    + " created_at, started_at, finished_at, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setInt(1, r.index());
                ps.setString(2, r.method());
                ps.setString(3, r.strategy());
                ps.setLong(4, r.seed());
                ps.setInt(5, r.budget());
                ps.setString(6, r.status().key());
                ps.setLong(7, System.currentTimeMillis());
                setInstant(ps, 8, r.startedAt());
                setInstant(ps, 9, r.finishedAt());
                ps.setString(10, r.summaryJson());
                ps.executeUpdate();
            } catch (SQLException e) {
                if (String.valueOf(e.getMessage()).contains("UNIQUE") || String.valueOf(e.getMessage()).contains("PRIMARY")) {
                    throw new StoreException(db.file() + ": round " + r.index() + " already exists", e);
                }
                throw e;
            }
            return null;
        });
    }

    /**
     * Sets a round's status; the first move out of PLANNED records {@code startedAt}, a terminal status
     * records {@code finishedAt}.
     */
    public void updateStatus(int index, RoundStatus status) {
        db.inTransaction(c -> {
            long now = System.currentTimeMillis();
            try (PreparedStatement ps = c.prepareStatement("UPDATE rounds SET status = ?,"
                    + " started_at = CASE WHEN started_at IS NULL AND ? <> 'planned' THEN ? ELSE started_at END,"
                    + " finished_at = CASE WHEN ? THEN ? ELSE finished_at END WHERE idx = ?")) {
                ps.setString(1, status.key());
                ps.setString(2, status.key());
                ps.setLong(3, now);
                ps.setBoolean(4, status.isTerminal());
                ps.setLong(5, now);
                ps.setInt(6, index);
                if (ps.executeUpdate() != 1) throw noRound(index);
            }
            return null;
        });
    }

    public void setSummary(int index, String json) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE rounds SET summary = ? WHERE idx = ?")) {
                ps.setString(1, json);
                ps.setInt(2, index);
                if (ps.executeUpdate() != 1) throw noRound(index);
            }
            return null;
        });
    }

    /**
     * Deletes round {@code index} with its metrics, predictions and selections, for a round that stopped before its
     * picks (planned, training or selecting) and is the newest. Refused, changing nothing, for any other round and
     * for a round that label events name (e.g. round 0's cold start): labels are never deleted.
     */
    public void deleteUnfinished(int index) {
        db.inTransaction(c -> {
            RoundRecord r;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM rounds WHERE idx = ?")) {
                ps.setInt(1, index);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw noRound(index);
                    r = round(rs);
                }
            }
            if (r.status() != RoundStatus.PLANNED && r.status() != RoundStatus.TRAINING && r.status() != RoundStatus.SELECTING) {
                throw new StoreException(db.file() + ": round " + index + " is " + r.status().key()
                        + "; only a round stopped before its picks can be discarded");
            }
            if (count(c, "SELECT count(*) FROM rounds WHERE idx > ?", index) > 0) {
                throw new StoreException(db.file() + ": round " + index + " is not the newest round");
            }
            long labels = count(c, "SELECT count(*) FROM label_events WHERE round = ?", index);
            if (labels > 0) {
                throw new StoreException(db.file() + ": round " + index + " holds " + labels + " label event(s) (its cold"
                        + " start); labels are never deleted, so continue the round instead of discarding it");
            }
            for (String table : List.of("predictions", "metrics", "selections")) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE round = ?")) {
                    del.setInt(1, index);
                    del.executeUpdate();
                }
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM rounds WHERE idx = ?")) {
                del.setInt(1, index);
                del.executeUpdate();
            }
            return null;
        });
    }

    private static long count(java.sql.Connection c, String sql, int index) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public Optional<RoundRecord> byIndex(int index) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM rounds WHERE idx = ?")) {
                ps.setInt(1, index);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(round(rs)) : Optional.<RoundRecord>empty();
                }
            }
        });
    }

    public List<RoundRecord> all() {
        return db.read(c -> {
            List<RoundRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM rounds ORDER BY idx");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(round(rs));
            }
            return out;
        });
    }

    /** Replaces the selections of a round (e.g. after the selecting step is redone). */
    public void saveSelections(int round, List<Selection> selections) {
        db.inTransaction(c -> {
            requireRound(c, round);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM selections WHERE round = ?")) {
                del.setInt(1, round);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO selections(round, rank, sample_id,"
                    + " picked_for_class, score, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Selection s : selections) {
                    ps.setInt(1, round);
                    ps.setInt(2, s.rank());
                    ps.setLong(3, s.sampleId());
                    if (s.pickedForClass() == null) ps.setNull(4, Types.INTEGER);
                    else ps.setInt(4, s.pickedForClass());
                    if (s.score() == null) ps.setNull(5, Types.REAL);
                    else ps.setDouble(5, s.score());
                    ps.setString(6, s.reason());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Selections of a round ordered by rank. */
    public List<Selection> selections(int round) {
        return db.read(c -> {
            List<Selection> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sample_id, rank, picked_for_class, score, reason"
                    + " FROM selections WHERE round = ? ORDER BY rank")) {
                ps.setInt(1, round);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int cls = rs.getInt(3);
                        Integer pickedFor = rs.wasNull() ? null : cls;
                        double score = rs.getDouble(4);
                        Double sc = rs.wasNull() ? null : score;
                        out.add(new Selection(rs.getLong(1), rs.getInt(2), pickedFor, sc, rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    /** Replaces the metrics of {@code round} for every split that appears in {@code rows}. */
    public void saveMetrics(int round, List<MetricRow> rows) {
        db.inTransaction(c -> {
            requireRound(c, round);
            Set<Split> splits = new HashSet<>();
            for (MetricRow m : rows) splits.add(m.split());
            try (PreparedStatement del = c.prepareStatement("DELETE FROM metrics WHERE round = ? AND split = ?")) {
                for (Split s : splits) {
                    del.setInt(1, round);
                    del.setString(2, s.key());
                    del.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO metrics(round, split, class_id, accuracy,"
                    + " macro_f1, support, correct) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (MetricRow m : rows) {
                    ps.setInt(1, round);
                    ps.setString(2, m.split().key());
                    if (m.classId() == null) ps.setNull(3, Types.INTEGER);
                    else ps.setInt(3, m.classId());
                    ps.setDouble(4, m.accuracy());
                    if (m.macroF1() == null) ps.setNull(5, Types.REAL);
                    else ps.setDouble(5, m.macroF1());
                    ps.setInt(6, m.support());
                    ps.setInt(7, m.correct());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Metrics of a round: overall rows first, then per class, each by split. */
    public List<MetricRow> metrics(int round) {
        return db.read(c -> {
            List<MetricRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT split, class_id, accuracy, macro_f1, support, correct"
                    + " FROM metrics WHERE round = ? ORDER BY class_id IS NOT NULL, class_id, split")) {
                ps.setInt(1, round);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(metric(rs));
                }
            }
            return out;
        });
    }

    /** round → overall metric row of {@code split}, for learning curves. */
    public SortedMap<Integer, MetricRow> overallMetrics(Split split) {
        return db.read(c -> {
            SortedMap<Integer, MetricRow> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT split, class_id, accuracy, macro_f1, support, correct,"
                    + " round FROM metrics WHERE split = ? AND class_id IS NULL")) {
                ps.setString(1, split.key());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.put(rs.getInt(7), metric(rs));
                }
            }
            return out;
        });
    }

    private void requireRound(java.sql.Connection c, int round) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM rounds WHERE idx = ?")) {
            ps.setInt(1, round);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw noRound(round);
            }
        }
    }

    private StoreException noRound(int index) {
        return new StoreException(db.file() + ": no round " + index);
    }

    private static MetricRow metric(ResultSet rs) throws SQLException {
        int cls = rs.getInt(2);
        Integer classId = rs.wasNull() ? null : cls;
        double f1 = rs.getDouble(4);
        Double macroF1 = rs.wasNull() ? null : f1;
        return new MetricRow(Split.parse(rs.getString(1)), classId, rs.getDouble(3), macroF1, rs.getInt(5), rs.getInt(6));
    }

    private static RoundRecord round(ResultSet rs) throws SQLException {
        return new RoundRecord(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                RoundStatus.fromKey(rs.getString(6)), instant(rs, 7), instant(rs, 8), rs.getString(9));
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static void setInstant(PreparedStatement ps, int col, Instant value) throws SQLException {
        if (value == null) ps.setNull(col, Types.INTEGER);
        else ps.setLong(col, value.toEpochMilli());
    }
}
