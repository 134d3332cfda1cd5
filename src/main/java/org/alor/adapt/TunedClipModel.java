package org.alor.adapt;

import org.alor.job.CancellationToken;
import ai.djl.nn.Parameter;
import org.alor.clip.ClipModel;
import org.alor.clip.SafetensorsWriter;
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
    private final Function<ClipModel, List<Parameter>> trained;

    /** @param trained the tensors the method trained, e.g. {@code ClipModel::imageTowerParameters}; saved by {@link #save} */
    public TunedClipModel(String method, ClipModel model, TextHead head, float scale, ImageSource images, int threads,
                          Map<String, Object> summary, Function<ClipModel, List<Parameter>> trained) {
        super(head, scale, summary);
        this.method = method;
        this.model = model;
        this.images = images;
        this.threads = threads;
        this.trained = trained;
    }

    public ClipModel clip() {
        return model;
    }


    @Override
    public float[][] imageFeatures(List<Long> sampleIds, Function<List<Long>, float[][]> cached) {
        return ImageFeatureEncoder.encode(model, images, sampleIds, threads, new CancellationToken());
    }





    /** {@value #TOWERS_FILE}: the trained tensors under their OpenCLIP names; plus the head (see {@link SavedModels}). */
    @Override
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        SafetensorsWriter towers = new SafetensorsWriter().metadata("method", method);
        for (Tensor t : model.stateDict(trained.apply(model)).tensors()) towers.add(t);
        towers.write(dir.resolve(TOWERS_FILE));
        SavedModels.writeHead(dir, method, head, scale);
    }

    @Override
    public void close() {
        model.close();
    }
}
