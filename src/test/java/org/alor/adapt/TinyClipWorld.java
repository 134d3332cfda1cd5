package org.alor.adapt;

import ai.djl.Device;
import org.alor.clip.ClipConfig;
import org.alor.clip.ClipModel;
import org.alor.clip.StateDict;
import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.alor.synth.SceneRenderer;
import org.alor.synth.Species;
import org.alor.synth.SpeciesGenerator;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny separable problem for FT/CT/PT tests: a few synthetic species rendered at 32 px as PNG files, and a tiny
 * randomly initialised CLIP (logit scale set to 100 as in trained CLIPs; 32 px, patch 8, width 32, one layer per tower, vocabulary 1000) with a fake word tokenizer.
 */
public final class TinyClipWorld {
    public static final ClipConfig CONFIG = new ClipConfig(32, true, 32, 8, 32, 1, 16, 2.0, 32, HashTokenizer.VOCAB, 32, 2, 1,
            ClipConfig.CLIP_MEAN.clone(), ClipConfig.CLIP_STD.clone());
    private static StateDict randomWeights;

    final List<String> classNames = new ArrayList<>();
    final List<Long> trainIds = new ArrayList<>();
    final List<Long> valIds = new ArrayList<>();
    final int[] trainLabels;
    final int[] valLabels;
    final Map<Long, Path> files = new HashMap<>();

    /** Species of {@code SpeciesGenerator.generate(12, 7)} whose plumage colours differ (orange, dark teal, olive, red). */
    static final int[] DISTINCT = {1, 3, 7, 10};

    TinyClipWorld(Path dir, int species, int trainPerClass, int valPerClass) {
        List<Species> generated = SpeciesGenerator.generate(12, 7);
        List<Species> all = new ArrayList<>();
        for (int i = 0; i < species; i++) all.add(generated.get(DISTINCT[i]));
        List<Integer> tl = new ArrayList<>();
        List<Integer> vl = new ArrayList<>();
        long id = 1;
        for (int c = 0; c < all.size(); c++) {
            Species s = all.get(c);
            classNames.add(s.scientificName());
            for (int k = 0; k < trainPerClass + valPerClass; k++, id++) {
                Path file = dir.resolve(s.slug() + "-" + k + ".png");
                try {
                    ImageIO.write(SceneRenderer.bird(s, 1000L * s.id() + k, 32), "png", file.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                files.put(id, file);
                if (k < trainPerClass) {
                    trainIds.add(id);
                    tl.add(c);
                } else {
                    valIds.add(id);
                    vl.add(c);
                }
            }
        }
        trainLabels = tl.stream().mapToInt(Integer::intValue).toArray();
        valLabels = vl.stream().mapToInt(Integer::intValue).toArray();
    }

    ImageSource images() {
        return id -> {
            Path p = files.get(id);
            if (p == null) throw new IllegalArgumentException("sample " + id + " has no image");
            return p;
        };
    }

    public static synchronized ClipBase base() {
        if (randomWeights == null) {
            try (ClipModel m = ClipModel.random(CONFIG, Device.cpu(), 3)) {
                randomWeights = m.stateDict();
            }
            // a trained CLIP's temperature sits at its clamp, scale 100 (PT uses the model's own scale)
            randomWeights.put(new org.alor.clip.Tensor("logit_scale", new long[0], new float[] {(float) Math.log(100)}));
        }
        return new ClipBase(CONFIG, randomWeights, new HashTokenizer(), Device.cpu(), 2);
    }

    /**
     * A briefly pretrained tiny CLIP: the random one after a short contrastive tuning on this world's training
     * images (so its text tower already tells the class names apart), logit scale 100.
     */
    ClipBase briefPretrained() {
        TuningConfig config = TuningConfig.ct().withEpochs(20).withBatchSize(8).withEncoderLr(2e-3).withHeadLr(2e-2).withWarmup(5);
        try (AdaptedModel m = new ContrastiveTuneAdapter(base(), classNames, PromptTemplates.BIRDS, config)
                .adapt(validatedOnTraining(11), Progress.NONE, new CancellationToken())) {
            StateDict weights = ((TunedClipModel) m).clip().stateDict();
            ClipBase b = base();
            return new ClipBase(b.config(), weights, b.tokenizer(), b.device(), b.decodeThreads());
        }
    }

    /**
     * Runs PyTorch on one intra-op thread until closed (then restores the previous count): on a loaded machine
     * multi-threaded float reductions may differ from run to run, and a few training epochs amplify that.
     */
    public static AutoCloseable singleThreaded() {
        ai.djl.engine.Engine.getInstance();
        int previous = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
        return () -> ai.djl.pytorch.jni.JniUtils.setNumThreads(previous);
    }

    /** FT, CT or PT ("ft", "ct", "pt") on this world with the given settings. */
    Adapter tuningAdapter(String method, TuningConfig config) {
        return switch (method) {
            case "ft" -> new FineTuneAdapter(base(), initialHead(PromptTemplates.BIRDS), config);
            case "ct" -> new ContrastiveTuneAdapter(base(), classNames, PromptTemplates.BIRDS, config);
            case "pt" -> new PromptTuneAdapter(base(), classNames, config);
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** Every weight an adapted model ends with, flattened: the CLIP towers (FT/CT), then the classifier rows. */
    static float[] adaptedWeights(AdaptedModel m) {
        List<Float> values = new ArrayList<>();
        if (m instanceof TunedClipModel tuned) {
            for (org.alor.clip.Tensor t : tuned.clip().stateDict().tensors()) for (float v : t.data()) values.add(v);
        }
        for (float[] row : ((HeadModel) m).classifierWeights()) for (float v : row) values.add(v);
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i);
        return out;
    }

    /** Pretrained-model features of the given samples (what the feature cache would hold). */
    float[][] cachedFeatures(List<Long> ids) {
        return cachedFeatures(base(), ids);
    }

    float[][] cachedFeatures(ClipBase from, List<Long> ids) {
        try (ClipModel m = from.newModel()) {
            return ImageFeatureEncoder.encode(m, images(), ids, 2, new CancellationToken());
        }
    }

    TrainingSet trainingSet(long seed) {
        return new TrainingSet(cachedFeatures(trainIds), trainLabels, cachedFeatures(valIds), valLabels,
                classNames.size(), seed, new TrainingImages(trainIds, valIds, images()));
    }

    /** The training images also serve as validation set, so the kept epoch is the one that fits them best. */
    TrainingSet validatedOnTraining(long seed) {
        float[][] train = cachedFeatures(trainIds);
        return new TrainingSet(train, trainLabels, train, trainLabels, classNames.size(), seed,
                new TrainingImages(trainIds, trainIds, images()));
    }

    TextHead initialHead(PromptTemplates templates) {
        try (ClipModel m = base().newModel()) {
            return TunedTraining.head(m, base().tokenizer(), classNames, templates);
        }
    }

    static double accuracy(AdaptedModel model, float[][] features, int[] labels) {
        int[] predicted = ClassificationMetrics.argmax(model.probabilities(features));
        int correct = 0;
        for (int i = 0; i < labels.length; i++) if (predicted[i] == labels[i]) correct++;
        return (double) correct / labels.length;
    }
}
