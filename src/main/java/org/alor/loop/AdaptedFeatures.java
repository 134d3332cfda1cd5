package org.alor.loop;

import org.alor.clip.SafetensorsFile;
import org.alor.clip.SafetensorsWriter;
import org.alor.clip.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Image features of a round whose method changed the image encoder (FT, CT), for the selection step:
 * {@code <project>/rounds/<r>/adapted-features.safetensors} with {@code ids} [N] int64 and {@code features} [N, D]
 * (the remaining pool and the training set, as the adapted tower encodes them). Rounds of other methods have none
 * and select with the cached pretrained features.
 */
final class AdaptedFeatures {
    static final String FILE = "adapted-features.safetensors";
    private final Map<Long, float[]> byId;

    private AdaptedFeatures(Map<Long, float[]> byId) {
        this.byId = byId;
    }

    static Path file(Path projectDir, int round) {
        return projectDir.resolve("rounds").resolve(Integer.toString(round)).resolve(FILE);
    }

    static void write(Path file, List<Long> ids, float[][] features) throws IOException {
        Files.createDirectories(file.getParent());
        int d = features.length == 0 ? 0 : features[0].length;
        float[] flat = new float[ids.size() * d];
        long[] idArray = new long[ids.size()];
        for (int i = 0; i < idArray.length; i++) {
            idArray[i] = ids.get(i);
            System.arraycopy(features[i], 0, flat, i * d, d);
        }
        Path tmp = file.resolveSibling(FILE + ".tmp");
        new SafetensorsWriter().addLong("ids", new long[] {idArray.length}, idArray)
                .addFloat("features", new long[] {idArray.length, d}, flat).write(tmp);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static Optional<AdaptedFeatures> read(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            long[] ids = f.longTensor("ids");
            Tensor t = f.floatTensor("features");
            int d = ids.length == 0 ? 0 : (int) t.shape()[1];
            Map<Long, float[]> map = new HashMap<>();
            for (int i = 0; i < ids.length; i++) {
                float[] row = new float[d];
                System.arraycopy(t.data(), i * d, row, 0, d);
                map.put(ids[i], row);
            }
            return Optional.of(new AdaptedFeatures(map));
        } catch (IOException e) {
            throw new IllegalStateException(file + ": cannot read the adapted features (" + e.getMessage() + ")", e);
        }
    }

    /** Features of these ids; fails naming the first id the round did not encode. */
    float[][] features(List<Long> ids) {
        float[][] out = new float[ids.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = byId.get(ids.get(i));
            if (out[i] == null) throw new IllegalStateException("the round's adapted features have no sample " + ids.get(i));
        }
        return out;
    }
}
