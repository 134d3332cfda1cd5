package org.alor.loop;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The full N×C probabilities of a round's model on the remaining pool, kept in
 * {@code <project>/rounds/<r>/pool-probs.bin} so that a resumed (or re-run) selection sees exactly what the
 * round's model predicted without retraining. Format (big-endian, Java DataOutput): magic "ALORPP01",
 * int N, int C, N sample ids (long), N×C float32 row-major. Written to a temporary file, fsynced, then renamed.
 */
public record PoolProbabilities(long[] sampleIds, float[][] probs) {
    static final String FILE = "pool-probs.bin";
    private static final long MAGIC = 0x414C4F5250503031L; // "ALORPP01"

    public static Path file(Path projectDir, int round) {
        return projectDir.resolve("rounds").resolve(Integer.toString(round)).resolve(FILE);
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(channelStream(ch), 1 << 16))) {
            int c = probs.length == 0 ? 0 : probs[0].length;
            out.writeLong(MAGIC);
            out.writeInt(sampleIds.length);
            out.writeInt(c);
            for (long id : sampleIds) out.writeLong(id);
            for (float[] row : probs) for (float p : row) out.writeFloat(p);
            out.flush();
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The stored probabilities, or empty when the file is missing or unreadable (the caller then recomputes). */
    public static Optional<PoolProbabilities> read(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readLong() != MAGIC) return Optional.empty();
            int n = in.readInt();
            int c = in.readInt();
            if (Files.size(file) != 16L + 8L * n + 4L * n * c) return Optional.empty();
            long[] ids = new long[n];
            for (int i = 0; i < n; i++) ids[i] = in.readLong();
            float[][] probs = new float[n][c];
            for (int i = 0; i < n; i++) for (int k = 0; k < c; k++) probs[i][k] = in.readFloat();
            return Optional.of(new PoolProbabilities(ids, probs));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static OutputStream channelStream(FileChannel ch) {
        return java.nio.channels.Channels.newOutputStream(ch);
    }
}
