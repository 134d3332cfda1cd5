package org.alor.adapt;

import org.alor.clip.ClipModel;
import org.alor.clip.SafetensorsWriter;
import org.alor.clip.StateDict;
import org.alor.clip.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The result of FT or CT: a CLIP whose image tower changed, with its head. Val/test/pool features come from
 * re-encoding the images with the adapted tower ({@link #imageFeatures}); close the model to free its weights.
 */
public final class TunedClipModel extends HeadModel {
    public static final String TOWERS_FILE = "towers.safetensors";

    private final String method;
    private final ClipModel model;
    private final ImageSource images;
    private final int threads;
    private final List<String> changedPrefixes;

    /** @param changedPrefixes OpenCLIP name prefixes of the tensors the method trained ("" = every tensor) */
    public TunedClipModel(String method, ClipModel model, TextHead head, float scale, ImageSource images, int threads,
                          Map<String, Object> summary, List<String> changedPrefixes) {
        super(head, scale, summary);
        this.method = method;
        this.model = model;
        this.images = images;
        this.threads = threads;
        this.changedPrefixes = List.copyOf(changedPrefixes);
    }

    public ClipModel clip() {
        return model;
    }


    @Override
    public float[][] imageFeatures(List<Long> sampleIds, Function<List<Long>, float[][]> cached) {
        return ImageFeatureEncoder.encode(model, images, sampleIds, threads, () -> false);
    }





    /** {@value #TOWERS_FILE}: the trained tensors under their OpenCLIP names; plus the head (see {@link SavedModels}). */
    @Override
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        StateDict all = model.stateDict();
        SafetensorsWriter towers = new SafetensorsWriter().metadata("method", method);
        for (Tensor t : all.tensors()) {
            if (t.name().equals("logit_scale")) continue;
            for (String prefix : changedPrefixes) {
                if (t.name().startsWith(prefix)) {
                    towers.add(t);
                    break;
                }
            }
        }
        towers.write(dir.resolve(TOWERS_FILE));
        SavedModels.writeHead(dir, method, head, scale);
    }

    @Override
    public void close() {
        model.close();
    }
}
