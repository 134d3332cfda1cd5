package org.alor.store;

import org.alor.data.ClassInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The project's classes and their synonyms ({@code classes} and {@code class_synonyms} tables). */
public final class ClassTable {
    private final Database db;

    ClassTable(Database db) {
        this.db = db;
    }

    /** All classes by id, with every synonym (excluded ones too) in their stored order. */
    public List<ClassInfo> all() {
        return db.read(c -> {
            Map<Integer, Map<String, Integer>> synonyms = new HashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT class_id, synonym, corpus_count FROM class_synonyms ORDER BY class_id, position")) {
                while (rs.next()) {
                    synonyms.computeIfAbsent(rs.getInt(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
                }
            }
            List<ClassInfo> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT id, name, most_common_name FROM classes ORDER BY id")) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    out.add(new ClassInfo(id, rs.getString(2), rs.getString(3), synonyms.getOrDefault(id, Map.of())));
                }
            }
            return out;
        });
    }

    /**
     * Makes the class table equal to {@code list}: updates classes by id, adds new ones, deletes missing ones
     * (fails, changing nothing, if a deleted class is still referenced by samples, labels or results).
     * Synonyms are replaced; an excluded flag survives for a synonym that is kept.
     */
    public void replace(List<ClassInfo> list) {
        Set<Integer> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (ClassInfo ci : list) {
            if (ci.id() < 0) throw new IllegalArgumentException("class id " + ci.id() + " is negative");
            if (!ids.add(ci.id())) throw new IllegalArgumentException("class id " + ci.id() + " appears twice");
            if (!names.add(ci.name())) throw new IllegalArgumentException("class name '" + ci.name() + "' appears twice");
        }
        db.inTransaction(c -> {
            Map<Integer, Set<String>> excluded = excludedSynonyms(c);
            deleteMissing(c, ids);
            try (Statement st = c.createStatement()) {
                // Frees every name first so that two classes may swap names without a transient UNIQUE clash.
                st.executeUpdate("UPDATE classes SET name = char(1) || id");
                st.executeUpdate("DELETE FROM class_synonyms");
            }
            try (PreparedStatement up = c.prepareStatement(
                    "INSERT INTO classes(id, name, most_common_name) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE"
                            + " SET name = excluded.name, most_common_name = excluded.most_common_name");
                 PreparedStatement syn = c.prepareStatement(
                         "INSERT INTO class_synonyms(class_id, synonym, position, corpus_count, excluded) VALUES (?, ?, ?, ?, ?)")) {
                for (ClassInfo ci : list) {
                    up.setInt(1, ci.id());
                    up.setString(2, ci.name());
                    up.setString(3, ci.mostCommonName());
                    up.executeUpdate();
                    int pos = 0;
                    for (Map.Entry<String, Integer> e : ci.synonyms().entrySet()) {
                        syn.setInt(1, ci.id());
                        syn.setString(2, e.getKey());
                        syn.setInt(3, pos++);
                        syn.setInt(4, e.getValue() == null ? 0 : e.getValue());
                        syn.setInt(5, excluded.getOrDefault(ci.id(), Set.of()).contains(e.getKey()) ? 1 : 0);
                        syn.addBatch();
                    }
                }
                syn.executeBatch();
            }
            return null;
        });
    }

    private void deleteMissing(Connection c, Set<Integer> keep) throws SQLException {
        List<Integer> existing = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM classes")) {
            while (rs.next()) existing.add(rs.getInt(1));
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM classes WHERE id = ?")) {
            for (int id : existing) {
                if (keep.contains(id)) continue;
                del.setInt(1, id);
                try {
                    del.executeUpdate();
                } catch (SQLException e) {
                    throw new StoreException(db.file() + ": class " + id
                            + " cannot be removed: samples, labels, selections or metrics still refer to it", e);
                }
            }
        }
    }

    private static Map<Integer, Set<String>> excludedSynonyms(Connection c) throws SQLException {
        Map<Integer, Set<String>> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT class_id, synonym FROM class_synonyms WHERE excluded = 1")) {
            while (rs.next()) out.computeIfAbsent(rs.getInt(1), k -> new HashSet<>()).add(rs.getString(2));
        }
        return out;
    }

    /** Synonyms of one class with counts and excluded flags, in stored order. */
    public List<ClassSynonym> synonyms(int classId) {
        return db.read(c -> {
            List<ClassSynonym> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT synonym, corpus_count, excluded FROM class_synonyms WHERE class_id = ? ORDER BY position")) {
                ps.setInt(1, classId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new ClassSynonym(classId, rs.getString(1), rs.getInt(2), rs.getInt(3) == 1));
                }
            }
            return out;
        });
    }

    public void setExcluded(int classId, String synonym, boolean excluded) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE class_synonyms SET excluded = ? WHERE class_id = ? AND synonym = ?")) {
                ps.setInt(1, excluded ? 1 : 0);
                ps.setInt(2, classId);
                ps.setString(3, synonym);
                if (ps.executeUpdate() != 1) throw unknownSynonym(classId, synonym);
            }
            return null;
        });
    }

    /** Stores corpus caption counts: classId → (synonym → count); unknown synonyms are an error. */
    public void updateCounts(Map<Integer, Map<String, Integer>> counts) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE class_synonyms SET corpus_count = ? WHERE class_id = ? AND synonym = ?")) {
                for (Map.Entry<Integer, Map<String, Integer>> cls : counts.entrySet()) {
                    for (Map.Entry<String, Integer> e : cls.getValue().entrySet()) {
                        ps.setInt(1, e.getValue());
                        ps.setInt(2, cls.getKey());
                        ps.setString(3, e.getKey());
                        if (ps.executeUpdate() != 1) throw unknownSynonym(cls.getKey(), e.getKey());
                    }
                }
            }
            return null;
        });
    }

    public void setMostCommonName(int classId, String name) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE classes SET most_common_name = ? WHERE id = ?")) {
                ps.setString(1, name);
                ps.setInt(2, classId);
                if (ps.executeUpdate() != 1) {
                    throw new StoreException(db.file() + ": no class with id " + classId);
                }
            }
            return null;
        });
    }

    private StoreException unknownSynonym(int classId, String synonym) {
        return new StoreException(db.file() + ": class " + classId + " has no synonym '" + synonym + "'");
    }
}
