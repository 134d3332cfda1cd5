package org.alor.loop;

import org.alor.job.CancellationToken;
import ai.djl.ndarray.NDManager;
import org.alor.adapt.ClipBase;
import org.alor.adapt.ImageFeatureEncoder;
import org.alor.adapt.ImageSource;
import org.alor.adapt.TinyClipWorld;
import org.alor.clip.ClipEncoder;
import org.alor.clip.ClipModel;
import org.alor.data.ClassInfo;
import org.alor.data.SampleRecord;
import org.alor.data.Split;
import org.alor.store.ProjectStore;
import org.alor.store.StoredSample;
import org.alor.synth.SceneRenderer;
import org.alor.synth.Species;
import org.alor.synth.SpeciesGenerator;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A project whose samples are real 32 px PNGs of three synthetic species, with the tiny random CLIP of
 * {@link TinyClipWorld} as its model: features and prompts come from that model, so FT/CT/PT rounds run end to end.
 */
public final class ClipProject {
    static final int[] SPECIES = {1, 3, 7};

    private ClipProject() {
    }

    public static ProjectStore create(Path dir) {
        ProjectStore store = ProjectStore.create(dir);
        List<Species> generated = SpeciesGenerator.generate(12, 7);
        List<ClassInfo> classes = new ArrayList<>();
        List<SampleRecord> task = new ArrayList<>();
        List<SampleRecord> retrieved = new ArrayList<>();
        List<String> provenance = new ArrayList<>();
        for (int c = 0; c < SPECIES.length; c++) {
            Species s = generated.get(SPECIES[c]);
            classes.add(ClassInfo.named(c, s.scientificName()));
            for (int i = 0; i < 6; i++) task.add(image(dir, s, "pool", c, i));
            for (int i = 0; i < 2; i++) task.add(image(dir, s, "val", c, i));
            for (int i = 0; i < 2; i++) task.add(image(dir, s, "test", c, i));
            for (int i = 0; i < 3; i++) {
                retrieved.add(image(dir, s, "retrieved", c, i));
                provenance.add("{\"corpus\":\"synthetic\"}");
            }
        }
        store.classTable().replace(classes);
        store.sampleTable().insert(task);
        store.sampleTable().insertRetrieved(retrieved, provenance);
        return store;
    }

    private static SampleRecord image(Path dir, Species s, String split, int c, int i) {
        String path = split + "/c" + c + "/" + i + ".png";
        Path file = dir.resolve(path);
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(SceneRenderer.bird(s, split.hashCode() * 1000L + 100L * c + i, 32), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Split sp = switch (split) {
            case "pool" -> Split.POOL;
            case "val" -> Split.VAL;
            case "test" -> Split.TEST;
            default -> Split.RETRIEVED;
        };
        return new SampleRecord(path, sp, c, 32, 32, "hash-" + path);
    }

    /** The backend a CLI would install: tiny CLIP features, prompts, checkpoint and image files of the project. */
    public static ModelBackend backend() {
        return new ModelBackend() {
            @Override
            public FeatureSource featureSource(ProjectStore store) {
                ImageSource images = images(store);
                return ids -> {
                    try (ClipModel m = TinyClipWorld.base().newModel()) {
                        return ImageFeatureEncoder.encode(m, images, ids, 2, new CancellationToken());
                    }
                };
            }

            @Override
            public TextEncoder textEncoder(ProjectStore store) {
                ClipBase base = TinyClipWorld.base();
                return prompts -> {
                    try (ClipModel m = base.newModel()) {
                        long[][] rows = new long[prompts.size()][];
                        for (int i = 0; i < rows.length; i++) rows[i] = base.tokenizer().tokenize(prompts.get(i), m.config().contextLength());
                        return new ClipEncoder(m).encodeTexts(rows);
                    }
                };
            }

            @Override
            public ClipBase clipBase(ProjectStore store) {
                return TinyClipWorld.base();
            }

            @Override
            public ImageSource images(ProjectStore store) {
                Map<Long, Path> files = new HashMap<>();
                for (Split s : Split.values()) {
                    for (StoredSample x : store.sampleTable().bySplit(s)) files.put(x.id(), store.dir().resolve(x.path()));
                }
                return id -> {
                    Path p = files.get(id);
                    if (p == null) throw new IllegalArgumentException("sample " + id + " has no image file");
                    return p;
                };
            }
        };
    }

    /** NDArrays alive anywhere in the engine (the system manager's tree). */
    static int liveArrays() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }
}
