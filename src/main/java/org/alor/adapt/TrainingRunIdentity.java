package org.alor.adapt;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What makes two FT/CT/PT runs the same run, for matching an epoch checkpoint to the run that wants to resume it: the
 * method, its settings, the seed and the training data (sizes and a SHA-256 of the labels, features and image ids).
 */
final class TrainingRunIdentity {
    private TrainingRunIdentity() {
    }

    static Map<String, String> of(String method, TuningConfig config, TrainingSet data) {
        Map<String, String> id = new LinkedHashMap<>();
        id.put("method", method);
        id.put("epochs", Integer.toString(config.epochs()));
        id.put("batch_size", Integer.toString(config.batchSize()));
        id.put("encoder_lr", Double.toString(config.encoderLr()));
        id.put("head_lr", Double.toString(config.headLr()));
        id.put("weight_decay", Double.toString(config.weightDecay()));
        id.put("warmup", Integer.toString(config.warmup()));
        id.put("micro_batches", Integer.toString(config.microBatches()));
        id.put("training_seed", Long.toString(data.seed()));
        id.put("training_set_size", Integer.toString(data.labels().length));
        id.put("validation_set_size", Integer.toString(data.valLabels().length));
        id.put("classes", Integer.toString(data.numClasses()));
        id.put("training_data_sha256", dataHash(data));
        return id;
    }

    /**
     * The first difference between a saved identity and the current one, e.g. "epochs 3, now 5"; null when they
     * match.
     */
    static String difference(Map<String, String> saved, Map<String, String> current) {
        for (Map.Entry<String, String> e : current.entrySet()) {
            String was = saved.get(e.getKey());
            if (!e.getValue().equals(was)) {
                return e.getKey().replace('_', ' ') + " " + (was == null ? "not recorded" : was) + ", now " + e.getValue();
            }
        }
        for (String key : saved.keySet()) {
            if (!current.containsKey(key)) return key.replace('_', ' ') + " " + saved.get(key) + ", now not set";
        }
        return null;
    }

    private static String dataHash(TrainingSet data) {
        MessageDigest sha = sha256();
        ints(sha, data.labels());
        ints(sha, data.valLabels());
        floats(sha, data.features());
        floats(sha, data.valFeatures());
        if (data.images() != null) {
            longs(sha, data.images().trainIds());
            longs(sha, data.images().valIds());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void ints(MessageDigest sha, int[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * values.length).putInt(values.length);
        for (int v : values) b.putInt(v);
        sha.update(b.array());
    }

    private static void floats(MessageDigest sha, float[][] rows) {
        sha.update(ByteBuffer.allocate(4).putInt(rows.length).array());
        for (float[] row : rows) {
            ByteBuffer b = ByteBuffer.allocate(4 + 4 * row.length).putInt(row.length);
            for (float v : row) b.putInt(Float.floatToRawIntBits(v));
            sha.update(b.array());
        }
    }

    private static void longs(MessageDigest sha, List<Long> values) {
        ByteBuffer b = ByteBuffer.allocate(4 + 8 * values.size()).putInt(values.size());
        for (long v : values) b.putLong(v);
        sha.update(b.array());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
