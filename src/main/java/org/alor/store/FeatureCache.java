package org.alor.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Image embeddings cached per (checkpoint content hash, preprocessing key) so a second run reads instead of
 * recomputing. Vectors are appended as little-endian float32 (or float16) blocks to
 * {@code features/<checkpoint>/<preprocess>.f32|.f16}; the {@code feature_index} table maps each sample to
 * (file, byte offset, dim). {@link #put} writes and fsyncs the bytes first and only then commits the index
 * rows, so a crash leaves at most an unreferenced tail, never an index row pointing at missing bytes.
 * Entries of another checkpoint are never returned and {@link #purgeOtherThan} removes them.
 */
public final class FeatureCache {
    /** Storage precision of a block. */
    public enum Precision {
        F32(4), F16(2);

        final int bytes;

        Precision(int bytes) {
            this.bytes = bytes;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The answer of {@link #get}: for each requested sample (same order), its vector or null when not cached.
     */
    public record Lookup(List<Long> sampleIds, float[][] vectors) {
        public boolean isCached(int i) {
            return vectors[i] != null;
        }

        public int hits() {
            int n = 0;
            for (float[] v : vectors) if (v != null) n++;
            return n;
        }

        public boolean allCached() {
            return hits() == vectors.length;
        }

        /** Ids that must still be computed, in request order. */
        public List<Long> missing() {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < vectors.length; i++) if (vectors[i] == null) out.add(sampleIds.get(i));
            return out;
        }
    }

    private static final int ID_CHUNK = 500;
    private static final int FULL_SCAN_ABOVE = 5_000;
    private static final int MAX_READ_RUN = 16 << 20;

    private final Database db;
    private final Path root;
    /**
     * Per block file, where this cache's last committed append ended: a file still that long has had no rows past
     * its end since, so the next append can skip {@link #dropRowsBeyond} (a scan of the file's rows). Guarded by db.
     */
    private final Map<String, Long> cleanEnds = new HashMap<>();
    /** Test hook: runs after the block is on disk and before the index commit (simulates a crash there). */
    private Runnable afterBlockWritten = () -> { };

    FeatureCache(Database db, Path root) {
        this.db = db;
        this.root = root;
    }

    void afterBlockWritten(Runnable hook) {
        this.afterBlockWritten = hook;
    }

    /** The folder holding the blocks. */
    public Path root() {
        return root;
    }

    public void put(String checkpointHash, String preprocessKey, List<Long> sampleIds, float[][] vectors) {
        put(checkpointHash, preprocessKey, sampleIds, vectors, Precision.F32);
    }

    /** Appends vectors for the samples (replacing earlier entries of the same key) atomically. */
    public void put(String checkpointHash, String preprocessKey, List<Long> sampleIds, float[][] vectors,
                    Precision precision) {
        requireKey(checkpointHash, "checkpoint hash");
        requireKey(preprocessKey, "preprocessing key");
        if (sampleIds.size() != vectors.length) {
            throw new IllegalArgumentException(sampleIds.size() + " sample ids but " + vectors.length + " vectors");
        }
        if (vectors.length == 0) return;
        int dim = vectors[0].length;
        if (dim == 0) throw new IllegalArgumentException("empty feature vectors");
        for (float[] v : vectors) {
            if (v.length != dim) throw new IllegalArgumentException("feature vectors of different sizes " + dim + " and " + v.length);
        }
        String file = relativeFile(checkpointHash, preprocessKey, precision);
        Path path = root.resolve(file);
        db.requireWritable();
        synchronized (db) {
            long offset;
            try {
                offset = appendBlock(path, file, vectors, precision);
            } catch (RuntimeException | Error e) {
                cleanEnds.remove(file);
                throw e;
            }
            try {
                afterBlockWritten.run();
                db.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO feature_index(checkpoint_hash,"
                            + " preprocess_key, sample_id, dim, dtype, file, byte_offset) VALUES (?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT(checkpoint_hash, preprocess_key, sample_id) DO UPDATE SET dim = excluded.dim,"
                            + " dtype = excluded.dtype, file = excluded.file, byte_offset = excluded.byte_offset")) {
                        long stride = (long) dim * precision.bytes;
                        for (int i = 0; i < vectors.length; i++) {
                            ps.setString(1, checkpointHash);
                            ps.setString(2, preprocessKey);
                            ps.setLong(3, sampleIds.get(i));
                            ps.setInt(4, dim);
                            ps.setString(5, precision.key());
                            ps.setString(6, file);
                            ps.setLong(7, offset + i * stride);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    return null;
                });
                cleanEnds.put(file, offset + (long) vectors.length * dim * precision.bytes);
            } catch (RuntimeException | Error e) {
                cleanEnds.remove(file);
                // The index never saw these bytes; drop them unless another process appended after us.
                truncateQuietly(path, offset, offset + (long) vectors.length * dim * precision.bytes, e);
                throw e;
            }
        }
    }

    private long appendBlock(Path path, String file, float[][] vectors, Precision precision) {
        try {
            Files.createDirectories(path.getParent());
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                long offset = ch.size();
                Long cleanEnd = cleanEnds.get(file);
                if (cleanEnd == null || cleanEnd != offset) dropRowsBeyond(file, offset, precision);
                int dim = vectors[0].length;
                int perBuffer = Math.max(1, (1 << 20) / (dim * precision.bytes));
                ByteBuffer buf = ByteBuffer.allocate(perBuffer * dim * precision.bytes).order(ByteOrder.LITTLE_ENDIAN);
                long pos = offset;
                for (int i = 0; i < vectors.length; i++) {
                    for (float f : vectors[i]) {
                        if (precision == Precision.F32) buf.putFloat(f);
                        else buf.putShort(Half.fromFloat(f));
                    }
                    if (!buf.hasRemaining() || i == vectors.length - 1) {
                        buf.flip();
                        while (buf.hasRemaining()) pos += ch.write(buf, pos);
                        buf.clear();
                    }
                }
                ch.force(true);
                return offset;
            }
        } catch (IOException e) {
            throw new StoreException(path + ": cannot write feature block (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Index rows reaching past the end of their file point at bytes that were deleted or truncated away; the block
     * about to be appended would land under them and hand one sample's vector to another. Their bytes are committed
     * before their rows, so under the file lock such rows are always stale: they go before any new byte is written.
     */
    private void dropRowsBeyond(String file, long size, Precision precision) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM feature_index WHERE file = ? AND byte_offset + dim * ? > ?")) {
                ps.setString(1, file);
                ps.setInt(2, precision.bytes);
                ps.setLong(3, size);
                return ps.executeUpdate();
            }
        });
    }

    private static void truncateQuietly(Path path, long offset, long end, Throwable cause) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            if (ch.size() == end) ch.truncate(offset);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Looks the samples up; vectors whose bytes are missing (e.g. a truncated file) count as not cached. */
    public Lookup get(String checkpointHash, String preprocessKey, List<Long> sampleIds) {
        Map<Long, Entry> entries = entries(checkpointHash, preprocessKey, sampleIds);
        float[][] out = new float[sampleIds.size()][];
        Map<String, List<Hit>> byFile = new HashMap<>();
        for (int i = 0; i < sampleIds.size(); i++) {
            Entry e = entries.get(sampleIds.get(i));
            if (e != null) byFile.computeIfAbsent(e.file, k -> new ArrayList<>()).add(new Hit(i, e));
        }
        ByteBuffer buf = null;
        for (Map.Entry<String, List<Hit>> f : byFile.entrySet()) {
            int largest = 0;
            for (Hit h : f.getValue()) largest = (int) Math.max(largest, h.entry.bytes());
            if (buf == null || buf.capacity() < Math.max(largest, MAX_READ_RUN)) {
                buf = ByteBuffer.allocateDirect(Math.max(largest, MAX_READ_RUN)).order(ByteOrder.LITTLE_ENDIAN);
            }
            readFile(root.resolve(f.getKey()), f.getValue(), buf, out);
        }
        return new Lookup(List.copyOf(sampleIds), out);
    }

    /** Reads the hits of one block file in offset order, coalescing neighbours into one read of up to 16 MiB. */
    private static void readFile(Path path, List<Hit> hits, ByteBuffer buf, float[][] out) {
        if (!Files.isRegularFile(path)) return;
        hits.sort(Comparator.comparingLong(h -> h.entry.offset));
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            int k = 0;
            while (k < hits.size()) {
                long start = hits.get(k).entry.offset;
                long end = hits.get(k).entry.end();
                int j = k + 1;
                while (j < hits.size()) {
                    Entry next = hits.get(j).entry;
                    if (next.offset < end || next.offset > end + 4096 || next.end() - start > buf.capacity()) break;
                    end = next.end();
                    j++;
                }
                long available = Math.min(end, size) - start;
                if (available > 0) {
                    buf.clear().limit((int) available);
                    while (buf.hasRemaining() && ch.read(buf, start + buf.position()) >= 0) {
                        // read until the run is complete or the file ends
                    }
                    long readEnd = start + buf.position();
                    for (int p = k; p < j; p++) {
                        Hit h = hits.get(p);
                        if (h.entry.end() <= readEnd) out[h.index] = decode(buf, (int) (h.entry.offset - start), h.entry);
                        // else: the bytes are missing (truncated file), so the vector counts as not cached
                    }
                }
                k = j;
            }
        } catch (IOException e) {
            throw new StoreException(path + ": cannot read feature block (" + e.getMessage() + ")", e);
        }
    }

    private static float[] decode(ByteBuffer buf, int at, Entry e) {
        float[] v = new float[e.dim];
        if (e.precision == Precision.F32) {
            buf.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(at).asFloatBuffer().get(v);
        } else {
            for (int d = 0; d < e.dim; d++) v[d] = Half.toFloat(buf.getShort(at + 2 * d));
        }
        return v;
    }

    private Map<Long, Entry> entries(String checkpointHash, String preprocessKey, List<Long> sampleIds) {
        return db.read(c -> {
            Map<Long, Entry> out = new HashMap<>();
            if (sampleIds.size() > FULL_SCAN_ABOVE) {
                // Many ids: one ordered scan of this key's rows beats hundreds of IN (...) queries.
                Set<Long> wanted = new HashSet<>(sampleIds);
                try (PreparedStatement ps = c.prepareStatement("SELECT sample_id, dim, dtype, file, byte_offset"
                        + " FROM feature_index WHERE checkpoint_hash = ? AND preprocess_key = ?")) {
                    ps.setString(1, checkpointHash);
                    ps.setString(2, preprocessKey);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            if (wanted.contains(id)) out.put(id, entry(rs));
                        }
                    }
                }
                return out;
            }
            for (int from = 0; from < sampleIds.size(); from += ID_CHUNK) {
                List<Long> chunk = sampleIds.subList(from, Math.min(sampleIds.size(), from + ID_CHUNK));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT sample_id, dim, dtype, file, byte_offset"
                        + " FROM feature_index WHERE checkpoint_hash = ? AND preprocess_key = ? AND sample_id IN (" + marks + ")")) {
                    ps.setString(1, checkpointHash);
                    ps.setString(2, preprocessKey);
                    for (int i = 0; i < chunk.size(); i++) ps.setLong(3 + i, chunk.get(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) out.put(rs.getLong(1), entry(rs));
                    }
                }
            }
            return out;
        });
    }

    private static Entry entry(ResultSet rs) throws java.sql.SQLException {
        Precision p = rs.getString(3).equals("f16") ? Precision.F16 : Precision.F32;
        return new Entry(rs.getInt(2), p, rs.getString(4), rs.getLong(5));
    }

    /** Number of samples cached for this checkpoint and preprocessing. */
    public int count(String checkpointHash, String preprocessKey) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM feature_index WHERE checkpoint_hash = ? AND preprocess_key = ?")) {
                ps.setString(1, checkpointHash);
                ps.setString(2, preprocessKey);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * Drops every entry of any other checkpoint: index rows first (one transaction), then their block files and
     * any unreferenced file outside this checkpoint's folder. Returns the number of index rows removed.
     */
    public int purgeOtherThan(String checkpointHash) {
        requireKey(checkpointHash, "checkpoint hash");
        synchronized (db) {
            cleanEnds.clear();
            int removed = db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM feature_index WHERE checkpoint_hash <> ?")) {
                    ps.setString(1, checkpointHash);
                    return ps.executeUpdate();
                }
            });
            Set<String> referenced = db.read(c -> {
                Set<String> files = new HashSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT file FROM feature_index");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) files.add(rs.getString(1));
                }
                return files;
            });
            deleteUnreferenced(root.resolve(directoryName(checkpointHash)), referenced);
            return removed;
        }
    }

    private void deleteUnreferenced(Path keepDir, Set<String> referenced) {
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList(); // children before parents
            for (Path p : all) {
                if (p.equals(root) || p.startsWith(keepDir)) continue;
                if (Files.isDirectory(p)) {
                    try (Stream<Path> children = Files.list(p)) {
                        if (children.findAny().isEmpty()) Files.delete(p);
                    }
                } else if (!referenced.contains(relative(p))) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new StoreException(root + ": cannot remove old feature files (" + e.getMessage() + ")", e);
        }
    }

    private String relative(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    static String relativeFile(String checkpointHash, String preprocessKey, Precision precision) {
        return directoryName(checkpointHash) + "/p" + sha256(preprocessKey).substring(0, 16) + "." + precision.key();
    }

    static String directoryName(String checkpointHash) {
        return checkpointHash.matches("[A-Za-z0-9]{1,64}") ? checkpointHash : "h" + sha256(checkpointHash).substring(0, 32);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireKey(String value, String what) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(what + " is blank");
    }

    private record Entry(int dim, Precision precision, String file, long offset) {
        long bytes() {
            return (long) dim * precision.bytes;
        }

        long end() {
            return offset + bytes();
        }
    }

    private record Hit(int index, Entry entry) {
    }
}
