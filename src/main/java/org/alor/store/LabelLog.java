package org.alor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The append-only label log. An event is effective unless a later effective undo reverts it; since an undo
 * always reverts an earlier event, scanning from the newest event backwards decides every event in one pass.
 * The current state of a sample is its newest effective non-undo event.
 */
public final class LabelLog {
    private static final String COLUMNS = "id, sample_id, kind, class_id, reverts, who, round, at";
    private final Database db;

    LabelLog(Database db) {
        this.db = db;
    }

    /** Appends a "label" event; returns its id. */
    public long label(long sampleId, int classId, String who, Integer round) {
        return append(sampleId, LabelKind.LABEL, classId, who, round);
    }

    public long markUnsure(long sampleId, String who, Integer round) {
        return append(sampleId, LabelKind.UNSURE, null, who, round);
    }

    public long markSkip(long sampleId, String who, Integer round) {
        return append(sampleId, LabelKind.SKIP, null, who, round);
    }

    private long append(long sampleId, LabelKind kind, Integer classId, String who, Integer round) {
        requireWho(who);
        return db.inTransaction(c -> {
            requireRow(c, "SELECT 1 FROM samples WHERE id = ?", sampleId, "no sample with id " + sampleId);
            if (classId != null) requireRow(c, "SELECT 1 FROM classes WHERE id = ?", classId, "no class with id " + classId);
            if (round != null) requireRow(c, "SELECT 1 FROM rounds WHERE idx = ?", round, "no round " + round);
            return insert(c, sampleId, kind, classId, null, who, round);
        });
    }

    /**
     * Appends an undo of {@code eventId} (which must be effective). Undoing an undo re-applies its target.
     * Returns the new event's id.
     */
    public long undo(long eventId, String who) {
        requireWho(who);
        return db.inTransaction(c -> {
            List<Row> events = rows(c, "WHERE sample_id = (SELECT sample_id FROM label_events WHERE id = ?) ORDER BY id DESC", eventId);
            Row target = events.stream().filter(e -> e.id == eventId).findFirst()
                    .orElseThrow(() -> new StoreException(db.file() + ": no label event " + eventId));
            if (!effectiveIds(events).contains(eventId)) {
                throw new StoreException(db.file() + ": label event " + eventId + " is already undone");
            }
            return insert(c, target.sampleId, LabelKind.UNDO, null, target.id, who, target.round);
        });
    }

    /** Undoes {@code who}'s latest still-effective label/unsure/skip; the undo event, or empty if none. */
    public Optional<LabelEvent> undoLast(String who) {
        requireWho(who);
        return db.inTransaction(c -> {
            Optional<LabelEvent> undo = newestEffectiveFirst(c, e -> e.kind == LabelKind.UNDO || !e.who.equals(who) ? null
                    : Optional.of(event(c, insert(c, e.sampleId, LabelKind.UNDO, null, e.id, who, e.round))));
            return undo == null ? Optional.<LabelEvent>empty() : undo;
        });
    }

    /**
     * Re-applies what {@code who}'s latest effective undo cancelled, unless {@code who} acted since (as in an
     * editor, a new action ends the redo chain). The redo event, or empty if nothing to redo.
     */
    public Optional<LabelEvent> redoLast(String who) {
        requireWho(who);
        return db.inTransaction(c -> {
            Optional<LabelEvent> redo = newestEffectiveFirst(c, e -> {
                if (!e.who.equals(who)) return null;
                if (e.kind != LabelKind.UNDO) return Optional.<LabelEvent>empty(); // acted since: nothing to redo
                if (kindOf(c, e.reverts) == LabelKind.UNDO) return null; // a redo itself: look further back
                return Optional.of(event(c, insert(c, e.sampleId, LabelKind.UNDO, null, e.id, who, e.round)));
            });
            return redo == null ? Optional.<LabelEvent>empty() : redo;
        });
    }

    /** Looks at one event of {@link #newestEffectiveFirst}; a non-null answer ends the walk. */
    @FunctionalInterface
    private interface EventVisit<T> {
        T visit(Row event) throws SQLException;
    }

    /**
     * Walks the whole log from the newest event back, skipping events an effective undo cancelled (an undo is seen
     * before what it reverts, so one pass decides every event); returns the first non-null answer, or null.
     */
    private static <T> T newestEffectiveFirst(Connection c, EventVisit<T> visit) throws SQLException {
        Set<Long> cancelled = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM label_events ORDER BY id DESC");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Row e = row(rs);
                if (cancelled.contains(e.id)) continue;
                if (e.kind == LabelKind.UNDO) cancelled.add(e.reverts);
                T answer = visit.visit(e);
                if (answer != null) return answer;
            }
        }
        return null;
    }

    /** Current state of every sample that has one (sampleId → state); unlabeled samples are absent. */
    public Map<Long, LabelState> current() {
        return db.read(c -> {
            Map<Long, LabelState> out = new HashMap<>();
            newestEffectiveFirst(c, e -> {
                if (e.kind != LabelKind.UNDO) out.putIfAbsent(e.sampleId, e.state());
                return null;
            });
            return out;
        });
    }

    public Optional<LabelState> current(long sampleId) {
        return db.read(c -> {
            List<Row> events = rows(c, "WHERE sample_id = ? ORDER BY id DESC", sampleId);
            Set<Long> effective = effectiveIds(events);
            for (Row e : events) {
                if (e.kind != LabelKind.UNDO && effective.contains(e.id)) return Optional.of(e.state());
            }
            return Optional.<LabelState>empty();
        });
    }

    /** All events of a sample in order, including undos, each with its effective flag. */
    public List<LabelEvent> history(long sampleId) {
        return db.read(c -> {
            List<Row> events = rows(c, "WHERE sample_id = ? ORDER BY id DESC", sampleId);
            Set<Long> effective = effectiveIds(events);
            List<LabelEvent> out = new ArrayList<>(events.size());
            for (int i = events.size() - 1; i >= 0; i--) out.add(events.get(i).event(effective.contains(events.get(i).id)));
            return out;
        });
    }

    /** classId → number of samples whose current state is a label of that class. */
    public SortedMap<Integer, Integer> countsByClass() {
        SortedMap<Integer, Integer> out = new TreeMap<>();
        for (LabelState s : current().values()) {
            if (s.isLabeled()) out.merge(s.classId(), 1, Integer::sum);
        }
        return out;
    }

    /** Total number of rows in the label log (events of every kind). */
    public long eventCount() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM label_events");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Ids of the effective events among {@code newestFirst} (which must hold whole undo chains). */
    private static Set<Long> effectiveIds(List<Row> newestFirst) {
        Set<Long> cancelled = new HashSet<>();
        Set<Long> effective = new HashSet<>();
        for (Row e : newestFirst) {
            if (cancelled.contains(e.id)) continue;
            effective.add(e.id);
            if (e.kind == LabelKind.UNDO) cancelled.add(e.reverts);
        }
        return effective;
    }

    private long insert(Connection c, long sampleId, LabelKind kind, Integer classId, Long reverts, String who,
                        Integer round) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO label_events(sample_id, kind, class_id, reverts, who, round, at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " RETURNING id")) {
            ps.setLong(1, sampleId);
            ps.setString(2, kind.key());
            if (classId == null) ps.setNull(3, Types.INTEGER);
            else ps.setInt(3, classId);
            if (reverts == null) ps.setNull(4, Types.INTEGER);
            else ps.setLong(4, reverts);
            ps.setString(5, who);
            if (round == null) ps.setNull(6, Types.INTEGER);
            else ps.setInt(6, round);
            ps.setLong(7, System.currentTimeMillis());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private LabelEvent event(Connection c, long id) throws SQLException {
        return rows(c, "WHERE id = ?", id).get(0).event(true);
    }

    private static LabelKind kindOf(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT kind FROM label_events WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? LabelKind.fromKey(rs.getString(1)) : null;
            }
        }
    }

    private static List<Row> rows(Connection c, String where, long param) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM label_events " + where)) {
            ps.setLong(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row(rs));
            }
        }
        return out;
    }

    private void requireRow(Connection c, String sql, long param, String problem) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new StoreException(db.file() + ": " + problem);
            }
        }
    }

    private static void requireWho(String who) {
        if (who == null || who.isBlank()) throw new IllegalArgumentException("who must name the labeler");
    }

    private static Row row(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        long sampleId = rs.getLong(2);
        LabelKind kind = LabelKind.fromKey(rs.getString(3));
        int cls = rs.getInt(4);
        Integer classId = rs.wasNull() ? null : cls;
        long rev = rs.getLong(5);
        Long reverts = rs.wasNull() ? null : rev;
        String who = rs.getString(6);
        int rnd = rs.getInt(7);
        Integer round = rs.wasNull() ? null : rnd;
        return new Row(id, sampleId, kind, classId, reverts, who, round, rs.getLong(8));
    }

    private record Row(long id, long sampleId, LabelKind kind, Integer classId, Long reverts, String who,
                       Integer round, long atMillis) {
        LabelState state() {
            return new LabelState(sampleId, kind, classId, id, who, round, Instant.ofEpochMilli(atMillis));
        }

        LabelEvent event(boolean effective) {
            return new LabelEvent(id, sampleId, kind, classId, reverts, who, round, Instant.ofEpochMilli(atMillis), effective);
        }
    }
}
