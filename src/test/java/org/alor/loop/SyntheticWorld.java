package org.alor.loop;

import org.alor.data.ClassInfo;
import org.alor.data.SampleRecord;
import org.alor.data.Split;
import org.alor.store.ProjectStore;
import org.alor.store.StoredSample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny long-tailed task for engine tests: Gaussian clusters per class in D dimensions, an imbalanced pool and
 * retrieved set, balanced val/test, and a fake text encoder whose class embeddings are noisy cluster means.
 * Features are a pure function of (path, class), so any JVM rebuilds the same {@link FeatureSource}.
 */
public final class SyntheticWorld {
    public static final int CLASSES = 6;
    public static final int DIM = 24;
    static final int[] POOL = {60, 40, 25, 15, 8, 5};
    static final int[] RETRIEVED = {50, 30, 20, 10, 5, 0};
    static final int VAL = 10;
    static final int TEST = 20;
    static final double FEATURE_NOISE = 0.22;
    static final double TEXT_NOISE = 0.25;
    private static final Pattern CLASS_IN_PROMPT = Pattern.compile("species(\\d+)");

    private final float[][] means = new float[CLASSES][DIM];
    private final float[][] textEmbeddings = new float[CLASSES][DIM];

    public SyntheticWorld() {
        Random r = new Random(42);
        for (int c = 0; c < CLASSES; c++) {
            double norm = 0;
            for (int d = 0; d < DIM; d++) {
                means[c][d] = (float) r.nextGaussian();
                norm += means[c][d] * means[c][d];
            }
            for (int d = 0; d < DIM; d++) means[c][d] /= (float) Math.sqrt(norm);
            for (int d = 0; d < DIM; d++) textEmbeddings[c][d] = (float) (means[c][d] + TEXT_NOISE * r.nextGaussian());
        }
    }

    /** Creates the project in {@code dir}. */
    public static ProjectStore create(Path dir) {
        return create(dir, true);
    }

    /** Creates the project in {@code dir}, with or without its retrieved set (a project before retrieval). */
    public static ProjectStore create(Path dir, boolean withRetrieved) {
        ProjectStore store = ProjectStore.create(dir);
        List<ClassInfo> classes = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) classes.add(ClassInfo.named(c, "species" + c));
        store.classTable().replace(classes);
        List<SampleRecord> task = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            for (int i = 0; i < POOL[c]; i++) task.add(sample("pool/c" + c + "/" + i + ".jpg", Split.POOL, c));
            for (int i = 0; i < VAL; i++) task.add(sample("val/c" + c + "/" + i + ".jpg", Split.VAL, c));
            for (int i = 0; i < TEST; i++) task.add(sample("test/c" + c + "/" + i + ".jpg", Split.TEST, c));
        }
        // Interleave classes so ids do not sort by class.
        task.sort((a, b) -> Integer.compare(a.path().hashCode(), b.path().hashCode()));
        store.sampleTable().insert(task);
        List<SampleRecord> retrieved = new ArrayList<>();
        List<String> provenance = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            for (int i = 0; i < RETRIEVED[c]; i++) {
                retrieved.add(sample("retrieved/c" + c + "/" + i + ".jpg", Split.RETRIEVED, c));
                provenance.add("{\"corpus\":\"synthetic\"}");
            }
        }
        if (withRetrieved) store.sampleTable().insertRetrieved(retrieved, provenance);
        return store;
    }

    private static SampleRecord sample(String path, Split split, int label) {
        return new SampleRecord(path, split, label, 32, 32, "hash-" + path);
    }

    float[] feature(String path, int label) {
        Random r = new Random(path.hashCode() * 31L + label);
        // Retrieved images come from another distribution (open data): a small shift.
        double shift = path.startsWith("retrieved/") ? 0.1 : 0;
        float[] f = new float[DIM];
        for (int d = 0; d < DIM; d++) f[d] = (float) (means[label][d] + FEATURE_NOISE * r.nextGaussian() + shift * ((d % 2) * 2 - 1));
        return f;
    }

    /** Features of every sample of {@code store}, keyed by id. */
    public FeatureSource featureSource(ProjectStore store) {
        Map<Long, float[]> byId = new HashMap<>();
        for (Split s : Split.values()) {
            for (StoredSample x : store.sampleTable().bySplit(s)) byId.put(x.id(), feature(x.path(), x.trueLabel()));
        }
        return ids -> {
            float[][] out = new float[ids.size()][];
            for (int i = 0; i < out.length; i++) {
                float[] f = byId.get(ids.get(i));
                if (f == null) throw new IllegalStateException("no feature for sample " + ids.get(i));
                out[i] = f;
            }
            return out;
        };
    }

    /** Each prompt maps to its class's noisy mean (the prompt must name "speciesN"). */
    public TextEncoder textEncoder() {
        return prompts -> {
            float[][] out = new float[prompts.size()][];
            for (int i = 0; i < out.length; i++) {
                Matcher m = CLASS_IN_PROMPT.matcher(prompts.get(i));
                if (!m.find()) throw new IllegalArgumentException("prompt without a class: " + prompts.get(i));
                out[i] = textEmbeddings[Integer.parseInt(m.group(1))].clone();
            }
            return out;
        };
    }
}
