package org.alor.loop;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * What the selection step of a round needs from the round's model, kept in
 * {@code <project>/rounds/<r>/pool-probs.bin} so that a resumed (or re-run) selection sees exactly what the
 * model predicted without retraining: the N×C probabilities on the remaining pool with their sample ids, and the
 * model's C×D head (if any) with its logit scale. Format (big-endian, Java DataOutput): magic "ALORPP02", int N,
 * int C, N sample ids (long), N×C float32 row-major, int D (0 = no head), float scale, C×D float32.
 * Written to a temporary file, fsynced, then renamed into place.
 *
 * @param headWeights C×D or null
 */
public record PoolProbabilities(long[] sampleIds, float[][] probs, float[][] headWeights, float logitScale) {
    static final String FILE = "pool-probs.bin";
    private static final long MAGIC = 0x414C4F5250503032L; // "ALORPP02"

    public static Path file(Path projectDir, int round) {
        return projectDir.resolve("rounds").resolve(Integer.toString(round)).resolve(FILE);
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16))) {
            int c = headWeights != null ? headWeights.length : probs.length == 0 ? 0 : probs[0].length;
            out.writeLong(MAGIC);
            out.writeInt(sampleIds.length);
            out.writeInt(c);
            for (long id : sampleIds) out.writeLong(id);
            for (float[] row : probs) for (float p : row) out.writeFloat(p);
            int d = headWeights == null || headWeights.length == 0 ? 0 : headWeights[0].length;
            out.writeInt(d);
            out.writeFloat(logitScale);
            if (d > 0) for (float[] row : headWeights) for (float w : row) out.writeFloat(w);
            out.flush();
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The stored outputs, or empty when the file is missing or unreadable (the caller then recomputes). */
    public static Optional<PoolProbabilities> read(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readLong() != MAGIC) return Optional.empty();
            int n = in.readInt();
            int c = in.readInt();
            long[] ids = new long[n];
            for (int i = 0; i < n; i++) ids[i] = in.readLong();
            float[][] probs = new float[n][c];
            for (int i = 0; i < n; i++) for (int k = 0; k < c; k++) probs[i][k] = in.readFloat();
            int d = in.readInt();
            float scale = in.readFloat();
            float[][] head = null;
            if (d > 0) {
                head = new float[c][d];
                for (int k = 0; k < c; k++) for (int j = 0; j < d; j++) head[k][j] = in.readFloat();
            }
            if (in.read() != -1) return Optional.empty();
            return Optional.of(new PoolProbabilities(ids, probs, head, scale));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
