package org.alor.adapt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.alor.adapt.train.AdamW;
import org.alor.adapt.train.ParameterGroup;
import org.alor.adapt.train.ParameterSnapshot;
import org.alor.adapt.train.TrainingConfig;
import org.alor.adapt.train.TrainingResult;
import org.alor.clip.ClipModel;
import org.alor.clip.Scalars;
import org.alor.clip.ImagePreprocessor;
import org.alor.clip.TrainingAugmentation;
import org.alor.job.CancellationToken;
import org.alor.job.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * FT (docs/method.md §5): the text tower stays frozen; the image tower trains at 1e-6, a head initialised from the class
 * text embeddings at 1e-4 and a new learnable log-scale (init ln(1/0.07)) at 1e-4, with cross-entropy on
 * exp(s)·W·normalise(f(x)); AdamW wd 0.01 on every group, 50 warm-up iterations then cosine. Augmentation: RRC
 * 0.9–1.0 + flip. After each epoch the validation images are re-encoded and the best epoch kept (ties: later).
 */
public final class FineTuneAdapter implements Adapter {
    private final ClipBase base;
    private final TextHead initial;
    private final TuningConfig config;
    private final EpochCheckpointFile checkpointFile;

    public FineTuneAdapter(ClipBase base, TextHead initial, TuningConfig config) {
        this(base, initial, config, null);
    }

    /** @param checkpointFile where each finished epoch is saved and a killed run resumed from; null: nowhere */
    public FineTuneAdapter(ClipBase base, TextHead initial, TuningConfig config, EpochCheckpointFile checkpointFile) {
        this.base = base;
        this.initial = initial;
        this.config = config;
        this.checkpointFile = checkpointFile;
    }

    @Override
    public String name() {
        return "ft";
    }

    @Override
    public AdaptedModel adapt(TrainingSet data, Progress progress, CancellationToken token) {
        TrainingImages images = data.requireImages("FT");
        if (data.numClasses() != initial.numClasses()) {
            throw new IllegalArgumentException("the text head has " + initial.numClasses() + " classes, the data " + data.numClasses());
        }
        Map<String, Object> summary = TunedTraining.summary(name(), config, data.labels().length, "RandomResizedCrop 0.9-1.0 + flip");
        summary.put("lr_image_tower", config.encoderLr());
        summary.put("lr_head", config.headLr());
        ClipModel model = base.newModel();
        boolean done = false;
        try (NDManager own = model.parameterManager().newSubManager()) {
            if (data.labels().length == 0) {
                token.throwIfCancelled();
                summary.put("note", "no training data: the pretrained model and text head are used as is");
                done = true;
                return new TunedClipModel(name(), model, initial, (float) Math.exp(ClipModel.INITIAL_LOGIT_SCALE), images.source(),
                        base.decodeThreads(), summary, ClipModel::imageTowerParameters);
            }
            List<Parameter> tower = TunedTraining.trainable(model, model.imageTowerParameters());
            int d = initial.weights()[0].length;
            Parameter head = TunedTraining.parameter("head", own.create(TunedTraining.flatten(initial.weights()),
                    new Shape(initial.numClasses(), d)));
            Parameter logScale = TunedTraining.parameter("ft_log_scale", own.create(new float[] {ClipModel.INITIAL_LOGIT_SCALE}));
            // the reference loader keeps the last partial batch (drop_last=False): every labeled image counts each epoch
            TrainingConfig tc = TrainingConfig.of(config.epochs(), config.batchSize(), data.seed())
                    .withMicroBatches(config.microBatches()).withDropLast(false);
            ImagePreprocessor pre = ImagePreprocessor.forConfig(model.config());
            List<Parameter> all = new ArrayList<>(tower);
            all.add(head);
            all.add(logScale);
            TunedTraining.History history = new TunedTraining.History();
            try (ImageBatchSource source = new ImageBatchSource(images.trainIds(), data.labels(), images.source(),
                    TrainingAugmentation.forAdaptation(pre), base.decodeThreads());
                 AdamW adamW = new AdamW(List.of(
                         new ParameterGroup("image_tower", tower, config.encoderLr(), config.weightDecay()),
                         new ParameterGroup("head", List.of(head, logScale), config.headLr(), config.weightDecay())));
                 ParameterSnapshot best = new ParameterSnapshot(all)) {
                EpochCheckpoint checkpoint = checkpointFile == null ? null : new EpochCheckpoint(checkpointFile,
                        TrainingRunIdentity.of(name(), config, data), model, tower, List.of(head, logScale), adamW, best, all);
                TrainingResult result = TunedTraining.fit(source, (m, batch, collector) -> {
                    NDArray f = model.encodeImages(new ParameterStore(m, false), batch.pixels(), true);
                    NDArray wt = head.getArray().transpose();
                    wt.attach(m);
                    NDArray logits = ClipModel.normalise(f).matMul(wt);
                    NDArray scale = logScale.getArray().exp();
                    scale.attach(m);
                    return crossEntropy(logits.mul(scale), batch.labels());
                }, adamW, tc, TunedTraining.schedule(config, tc.totalIterations(source.size())),
                        (m, epoch) -> {
                            float[][] val = ImageFeatureEncoder.encode(model, images.source(), images.valIds(),
                                    base.decodeThreads(), token);
                            double acc = TunedTraining.accuracy(TunedTraining.rows(head.getArray()), val, data.valLabels());
                            return Double.isNaN(acc) ? OptionalDouble.empty() : OptionalDouble.of(acc);
                        }, best, progress, token, history, base.device(), checkpoint);
                best.restore();
                history.into(summary, result);
                float scale = (float) Math.exp(logScale.getArray().getFloat(0));
                summary.put("scale", scale);
                TextHead tuned = new TextHead(TunedTraining.rows(head.getArray()));
                done = true;
                return new TunedClipModel(name(), model, tuned, scale, images.source(), base.decodeThreads(), summary,
                        ClipModel::imageTowerParameters);
            }
        } finally {
            if (!done) model.close();
        }
    }

    /** Mean cross-entropy of logits [b, C] against int64 labels [b]. */
    static NDArray crossEntropy(NDArray logits, NDArray labels) {
        long b = logits.getShape().get(0);
        NDArray oneHot = labels.oneHot((int) logits.getShape().get(1), DataType.FLOAT32);
        return Scalars.dividedBy(logits.logSoftmax(1).mul(oneHot).sum(), -b);
    }
}
