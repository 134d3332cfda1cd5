package org.alor.adapt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.alor.adapt.train.AdamW;
import org.alor.adapt.train.ParameterGroup;
import org.alor.adapt.train.ParameterSnapshot;
import org.alor.adapt.train.TrainStep;
import org.alor.adapt.train.TrainingConfig;
import org.alor.adapt.train.TrainingResult;
import org.alor.clip.ClipModel;
import org.alor.clip.ContrastiveLoss;
import org.alor.clip.ImagePreprocessor;
import org.alor.clip.TrainingAugmentation;
import org.alor.job.CancellationToken;
import org.alor.job.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * CT, contrastive tuning as in FLYP (docs/method.md §5): each image is paired with one prompt of its class (template drawn
 * at random per example, seeded); loss = ½[CE(L, diag) + CE(Lᵀ, diag)] with L = exp(s)·Î·T̂ᵀ over the batch
 * (same-class pairs are negatives). Both towers train, every tensor incl. embeddings and projections, at 1e-6; s is
 * a new parameter initialised to ln(1/0.07) at 1e-4; AdamW wd 0.01 on every group, warm-up + cosine. After each
 * epoch the head is rebuilt from the current text tower (template-averaged) and the val images re-encoded; the
 * best epoch is kept (ties: the later). The round's classifier uses exp(s) of the LAST epoch as its scale, as the
 * reference does (its {@code best_logit_scale} is the live parameter, not a copy): argmax predictions are those of
 * the kept epoch, while pool probabilities (entropy, TFS within a class) use the final temperature.
 */
public final class ContrastiveTuneAdapter implements Adapter {
    private final ClipBase base;
    private final List<String> classNames;
    private final PromptTemplates templates;
    private final TuningConfig config;
    private final EpochCheckpointFile checkpointFile;

    public ContrastiveTuneAdapter(ClipBase base, List<String> classNames, PromptTemplates templates, TuningConfig config) {
        this(base, classNames, templates, config, null);
    }

    /** @param checkpointFile where each finished epoch is saved and a killed run resumed from; null: nowhere */
    public ContrastiveTuneAdapter(ClipBase base, List<String> classNames, PromptTemplates templates, TuningConfig config,
                                  EpochCheckpointFile checkpointFile) {
        this.base = base;
        this.classNames = List.copyOf(classNames);
        this.templates = templates;
        this.config = config;
        this.checkpointFile = checkpointFile;
    }

    @Override
    public String name() {
        return "ct";
    }

    /** The template of example {@code exampleSeed}: uniform over the prompt set, a function of the seed only. */
    static int templateOf(long exampleSeed, int templateCount) {
        return templateCount == 1 ? 0 : new SplittableRandom(exampleSeed).nextInt(templateCount);
    }

    @Override
    public AdaptedModel adapt(TrainingSet data, Progress progress, CancellationToken token) {
        TrainingImages images = data.requireImages("CT");
        if (data.numClasses() != classNames.size()) {
            throw new IllegalArgumentException(classNames.size() + " class names, but the data has " + data.numClasses() + " classes");
        }
        Map<String, Object> summary = TunedTraining.summary(name(), config, data.labels().length,
                "RandomResizedCrop 0.9-1.0 + flip; one random template per image");
        summary.put("lr_towers", config.encoderLr());
        summary.put("lr_temperature", config.headLr());
        ClipModel model = base.newModel();
        boolean done = false;
        try (NDManager own = model.parameterManager().newSubManager()) {
            int context = model.config().contextLength();
            List<String> tpl = templates.templates();
            long[][][] tokens = new long[classNames.size()][tpl.size()][];
            for (int c = 0; c < classNames.size(); c++) {
                for (int t = 0; t < tpl.size(); t++) {
                    tokens[c][t] = base.tokenizer().tokenize(tpl.get(t).replace("{}", classNames.get(c)), context);
                }
            }
            if (data.labels().length == 0) {
                token.throwIfCancelled();
                summary.put("note", "no training data: the pretrained model and its text head are used as is");
                TextHead head = TunedTraining.head(model, base.tokenizer(), classNames, templates);
                done = true;
                return new TunedClipModel(name(), model, head, (float) Math.exp(ClipModel.INITIAL_LOGIT_SCALE),
                        images.source(), base.decodeThreads(), summary, ClipModel::towerParameters);
            }
            List<Parameter> towers = TunedTraining.trainable(model, model.towerParameters());
            Parameter logScale = TunedTraining.parameter("ct_log_scale", own.create(new float[] {ClipModel.INITIAL_LOGIT_SCALE}));
            List<Parameter> all = new ArrayList<>(towers);
            all.add(logScale);
            // the reference loader keeps the last partial batch (drop_last=False): every labeled image counts each epoch
            TrainingConfig tc = TrainingConfig.of(config.epochs(), config.batchSize(), data.seed())
                    .withMicroBatches(config.microBatches()).withDropLast(false);
            TunedTraining.History history = new TunedTraining.History();
            TextHead[] current = new TextHead[1];
            TextHead[] kept = new TextHead[1];
            List<Double> scalePerEpoch = new ArrayList<>();
            try (ImageBatchSource source = new ImageBatchSource(images.trainIds(), data.labels(), images.source(),
                    TrainingAugmentation.forAdaptation(ImagePreprocessor.forConfig(model.config())), base.decodeThreads());
                 AdamW adamW = optimizer(towers, logScale, config);
                 ParameterSnapshot best = new ParameterSnapshot(all)) {
                EpochCheckpoint checkpoint = checkpointFile == null ? null : new EpochCheckpoint(checkpointFile,
                        TrainingRunIdentity.of(name(), config, data), model, towers, List.of(logScale), adamW, best, all)
                        .alsoKeeping(scalePerEpoch, kept);
                TrainingResult result = TunedTraining.fit(source, trainStep(model, logScale, tokens), adamW, tc, TunedTraining.schedule(config, tc.totalIterations(source.size())),
                        (m, epoch) -> {
                            scalePerEpoch.add(Math.exp(logScale.getArray().getFloat(0)));
                            current[0] = TunedTraining.head(model, base.tokenizer(), classNames, templates);
                            float[][] val = ImageFeatureEncoder.encode(model, images.source(), images.valIds(),
                                    base.decodeThreads(), token);
                            double acc = TunedTraining.accuracy(current[0].weights(), val, data.valLabels());
                            return Double.isNaN(acc) ? OptionalDouble.empty() : OptionalDouble.of(acc);
                        }, (epoch, score) -> {
                            best.snapshot(epoch, score);
                            kept[0] = current[0];
                        }, progress, token, history, base.device(), checkpoint);
                // as the reference's train_flyp (best_logit_scale aliases the live parameter): the kept epoch's
                // weights, the last epoch's temperature
                float scale = (float) Math.exp(logScale.getArray().getFloat(0));
                best.restore();
                history.into(summary, result);
                summary.put("scale", scale);
                summary.put("scale_best_epoch", (float) Math.exp(logScale.getArray().getFloat(0)));
                summary.put("scale_per_epoch", scalePerEpoch);
                done = true;
                return new TunedClipModel(name(), model, kept[0], scale, images.source(), base.decodeThreads(), summary,
                        ClipModel::towerParameters);
            }
        } finally {
            if (!done) model.close();
        }
    }

    /**
     * CT's optimiser for {@code model}: freezes CLIP's own logit_scale (CT learns a new temperature instead) and
     * returns AdamW over {every other tensor at the encoder lr, {@code temperature} at the head lr}, weight decay on
     * both. Public for the training-step benchmark.
     */
    public static AdamW optimizer(ClipModel model, Parameter temperature, TuningConfig config) {
        return optimizer(TunedTraining.trainable(model, model.towerParameters()), temperature, config);
    }

    /** A new temperature parameter s = ln(1/0.07) in {@code manager}. */
    public static Parameter newTemperature(NDManager manager) {
        return TunedTraining.parameter("ct_log_scale", manager.create(new float[] {ClipModel.INITIAL_LOGIT_SCALE}));
    }

    /** AdamW over {all tower tensors at the encoder lr, the temperature at the head lr}, weight decay on both. */
    static AdamW optimizer(List<Parameter> towers, Parameter temperature, TuningConfig config) {
        return new AdamW(List.of(
                new ParameterGroup("towers", towers, config.encoderLr(), config.weightDecay()),
                new ParameterGroup("temperature", List.of(temperature), config.headLr(), config.weightDecay())));
    }

    /**
     * CT's training step: the FLYP loss of a batch of images against a prompt of each image's class.
     *
     * @param promptTokens class → template → token ids; each example's template is drawn from its example seed
     */
    public static TrainStep<ImageBatch> trainStep(ClipModel model, Parameter temperature, long[][][] promptTokens) {
        return (m, batch, collector) -> {
            BatchPrompts prompts = BatchPrompts.of(batch, promptTokens);
            return loss(model, new ParameterStore(m, false), batch.pixels(), prompts.distinctIds(m),
                    m.create(prompts.promptOfExample()), temperature.getArray());
        };
    }

    /** The FLYP loss of one batch of images and their prompts' token ids. */
    public static NDArray loss(ClipModel model, ParameterStore ps, NDArray pixels, NDArray ids, NDArray logScale) {
        NDArray imageEmbeds = model.encodeImages(ps, pixels, true);
        NDArray textEmbeds = model.encodeTexts(ps, ids, true);
        return ContrastiveLoss.compute(imageEmbeds, textEmbeds, logScale);
    }

    /**
     * The same loss when several examples share a prompt: each distinct prompt goes through the text tower once
     * and its embedding is gathered for every example that uses it. The gradient is the same sum over examples.
     *
     * @param distinctIds     token ids [u, L] of the batch's distinct prompts
     * @param promptOfExample int64 [b]: row of {@code distinctIds} each example's prompt is
     */
    public static NDArray loss(ClipModel model, ParameterStore ps, NDArray pixels, NDArray distinctIds,
                               NDArray promptOfExample, NDArray logScale) {
        NDArray imageEmbeds = model.encodeImages(ps, pixels, true);
        NDArray textEmbeds = model.encodeTexts(ps, distinctIds, true).get(promptOfExample);
        return ContrastiveLoss.compute(imageEmbeds, textEmbeds, logScale);
    }
}
