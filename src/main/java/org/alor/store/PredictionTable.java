package org.alor.store;

import org.alor.data.Split;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The project's stored predictions per round ({@code predictions} table, schema v3). */
public final class PredictionTable {
    private static final String COLUMNS = "sample_id, split, predicted, confidence, entropy, top_classes, top_probs";
    private final Database db;

    PredictionTable(Database db) {
        this.db = db;
    }

    /** Replaces every stored prediction of {@code round} (all splits) with {@code predictions}, in one transaction. */
    public void replace(int round, List<Prediction> predictions) {
        db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM predictions WHERE round = ?")) {
                del.setInt(1, round);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO predictions(round, " + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Prediction p : predictions) {
                    ps.setInt(1, round);
                    ps.setLong(2, p.sampleId());
                    ps.setString(3, p.split().key());
                    ps.setInt(4, p.predicted());
                    ps.setDouble(5, p.confidence());
                    ps.setDouble(6, p.entropy());
                    ps.setBytes(7, ints(p.topClasses()));
                    ps.setBytes(8, floats(p.topProbs()));
                    ps.addBatch();
                    if (++n % 5000 == 0) ps.executeBatch();
                }
                ps.executeBatch();
            } catch (SQLException e) {
                if (String.valueOf(e.getMessage()).contains("FOREIGN KEY")) {
                    throw new StoreException(db.file() + ": predictions of round " + round
                            + " refer to a missing round or sample", e);
                }
                throw e;
            }
            return null;
        });
    }

    /** Predictions of a round for one split, ordered by sample id. */
    public List<Prediction> byRound(int round, Split split) {
        return db.read(c -> {
            List<Prediction> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM predictions WHERE round = ? AND split = ? ORDER BY sample_id")) {
                ps.setInt(1, round);
                ps.setString(2, split.key());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(row(rs));
                }
            }
            return out;
        });
    }

    public Optional<Prediction> one(int round, long sampleId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM predictions WHERE round = ? AND sample_id = ?")) {
                ps.setInt(1, round);
                ps.setLong(2, sampleId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.<Prediction>empty();
                }
            }
        });
    }

    private static Prediction row(ResultSet rs) throws SQLException {
        return new Prediction(rs.getLong(1), Split.parse(rs.getString(2)), rs.getInt(3), (float) rs.getDouble(4),
                (float) rs.getDouble(5), ints(rs.getBytes(6)), floats(rs.getBytes(7)));
    }

    private static byte[] ints(int[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) b.putInt(x);
        return b.array();
    }

    private static byte[] floats(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    private static int[] ints(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int[] out = new int[bytes.length / 4];
        for (int i = 0; i < out.length; i++) out[i] = b.getInt();
        return out;
    }

    private static float[] floats(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bytes.length / 4];
        for (int i = 0; i < out.length; i++) out[i] = b.getFloat();
        return out;
    }
}
