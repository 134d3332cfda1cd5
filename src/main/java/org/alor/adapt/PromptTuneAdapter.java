package org.alor.adapt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import org.alor.adapt.train.ArrayBatchSource;
import org.alor.adapt.train.ConstantWarmupCosineSchedule;
import org.alor.adapt.train.ModelSelection;
import org.alor.adapt.train.ParameterGroup;
import org.alor.adapt.train.SgdMomentum;
import org.alor.adapt.train.TrainingConfig;
import org.alor.adapt.train.TrainingResult;
import org.alor.clip.ClipModel;
import org.alor.clip.Scalars;
import org.alor.clip.NoGradient;
import org.alor.job.CancellationToken;
import org.alor.job.Progress;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * PT, prompt tuning as in CoOp (docs/method.md §5): both towers frozen; 16 learnable context vectors per class
 * (class-specific, init N(0, 0.02²), re-initialised every round) replace the token embeddings after the start token:
 * prompt = [SOS][ctx×16][class name tokens "."][EOS]; logits = exp(CLIP's logit_scale)·f̂·T̂ᵀ with T the text
 * features of all C prompts, cross-entropy; SGD lr 0.002, momentum 0.9, wd 5e-4, batch 32, one warm-up epoch at
 * 1e-5 then per-epoch cosine of period 200 epochs of which 50 run (so the rate ends near 0.0017, not 0); the
 * last epoch is kept (validation is only scored there).
 *
 * <p><b>Departure from the reference</b>: with the image tower frozen we train on the cached (un-augmented) image
 * features instead of re-encoding RandomResizedCrop(0.08–1.0)+flip views at every step, as LP does here.
 */
public final class PromptTuneAdapter implements Adapter {
    private final ClipBase base;
    private final List<String> classNames;
    private final TuningConfig config;
    private final EpochCheckpointFile checkpointFile;

    public PromptTuneAdapter(ClipBase base, List<String> classNames, TuningConfig config) {
        this(base, classNames, config, null);
    }

    /** @param checkpointFile where each finished epoch is saved and a killed run resumed from; null: nowhere */
    public PromptTuneAdapter(ClipBase base, List<String> classNames, TuningConfig config, EpochCheckpointFile checkpointFile) {
        this.base = base;
        this.classNames = List.copyOf(classNames);
        this.config = config;
        this.checkpointFile = checkpointFile;
    }

    @Override
    public String name() {
        return "pt";
    }

    @Override
    public AdaptedModel adapt(TrainingSet data, Progress progress, CancellationToken token) {
        if (data.numClasses() != classNames.size()) {
            throw new IllegalArgumentException(classNames.size() + " class names, but the data has " + data.numClasses() + " classes");
        }
        Map<String, Object> summary = TunedTraining.summary(name(), config, data.labels().length, "none (cached features)");
        summary.put("lr_contexts", config.headLr());
        summary.put("context_tokens", TuningConfig.COOP_CONTEXT_TOKENS);
        try (ClipModel model = base.newModel(); NDManager own = model.parameterManager().newSubManager()) {
            TunedTraining.trainable(model, List.of());
            float scale = (float) Math.exp(model.logitScale().getArray().getFloat());
            summary.put("scale", scale);
            PromptLayout layout = PromptLayout.of(base.tokenizer(), classNames, model.config().contextLength());
            NDArray ids = own.create(layout.ids(), new Shape(classNames.size(), layout.length()));
            NDArray prefix;
            NDArray suffix;
            try (NoGradient ignored = NoGradient.enter()) {
                NDArray embedded = Embedding.embedding(ids, model.tokenEmbedding().getArray(),
                        SparseFormat.DENSE).head();
                embedded.attach(own);
                prefix = embedded.get(new NDIndex(":, 0:1, :"));
                suffix = embedded.get(new NDIndex(":, {}:, :", 1 + TuningConfig.COOP_CONTEXT_TOKENS));
                prefix.attach(own);
                suffix.attach(own);
            }
            ai.djl.engine.Engine.getInstance().setRandomSeed((int) data.seed());
            NDArray init = own.randomNormal(0, 0.02f, new Shape(classNames.size(), TuningConfig.COOP_CONTEXT_TOKENS,
                    model.config().textWidth()), DataType.FLOAT32);
            Parameter contexts = TunedTraining.parameter("prompt.contexts", init);
            TextFeatures text = (m, training) -> {
                NDArray emb = NDArrays.concat(new NDList(prefix, contexts.getArray(), suffix), 1);
                emb.attach(m);
                NDArray idsHere = ids.duplicate();
                idsHere.attach(m);
                return model.text().forwardEmbeddings(new ParameterStore(m, false), emb, idsHere, training);
            };
            if (data.labels().length == 0) {
                token.throwIfCancelled();
                summary.put("note", "no training data: the randomly initialised prompts are used as is");
                return model(text, own, scale, summary, contexts);
            }
            // CoOp's (Dassl) loader drops the last partial batch when there is a full one: drop_last = len >= batch
            TrainingConfig tc = TrainingConfig.of(config.epochs(), config.batchSize(), data.seed())
                    .withMicroBatches(config.microBatches()).withSelection(ModelSelection.LAST_EPOCH).withDropLast(true);
            TunedTraining.History history = new TunedTraining.History();
            ArrayBatchSource source = new ArrayBatchSource(data.features(), data.labels());
            float[][] val = data.valFeatures();
            ConstantWarmupCosineSchedule schedule = ConstantWarmupCosineSchedule.coop(tc.iterationsPerEpoch(source.size()),
                    config.warmup());
            summary.put("lr_cosine_period_epochs", schedule.periodEpochs());
            summary.put("lr_contexts_last_epoch", schedule.learningRate(tc.totalIterations(source.size()) - 1, config.headLr()));
            try (SgdMomentum sgd = new SgdMomentum(List.of(new ParameterGroup("contexts", List.of(contexts),
                    config.headLr(), config.weightDecay())))) {
                EpochCheckpoint checkpoint = checkpointFile == null ? null : new EpochCheckpoint(checkpointFile,
                        TrainingRunIdentity.of(name(), config, data), model, List.of(), List.of(contexts), sgd, null, null);
                TrainingResult result = TunedTraining.fit(source, (m, batch, collector) -> {
                    NDArray t = ClipModel.normalise(text.encode(m, true));
                    NDArray logits = Scalars.times(ClipModel.normalise(batch.get(0)).matMul(t.transpose()), scale);
                    return FineTuneAdapter.crossEntropy(logits, batch.get(1));
                }, sgd, tc, schedule,
                        (m, epoch) -> {
                            double acc = TunedTraining.accuracy(TunedTraining.rows(text.encode(m, false)), val, data.valLabels());
                            return Double.isNaN(acc) ? OptionalDouble.empty() : OptionalDouble.of(acc);
                        }, null, progress, token, history, base.device(), checkpoint);
                history.into(summary, result);
            }
            return model(text, own, scale, summary, contexts);
        }
    }

    private PromptTunedModel model(TextFeatures text, NDManager own, float scale, Map<String, Object> summary,
                                   Parameter contexts) {
        try (NDManager m = own.newSubManager(); NoGradient ignored = NoGradient.enter()) {
            float[][] raw = TunedTraining.rows(text.encode(m, false));
            float[][] w = new float[raw.length][];
            for (int c = 0; c < raw.length; c++) w[c] = Vectors.normalised(raw[c]);
            NDArray ctx = contexts.getArray();
            return new PromptTunedModel(new TextHead(w), scale, summary, ctx.getShape().getShape(), ctx.toFloatArray());
        }
    }

    @FunctionalInterface
    private interface TextFeatures {
        /** Text features [C, E] of the current prompts, intermediates in {@code m}. */
        NDArray encode(NDManager m, boolean training);
    }

    /**
     * Token ids of the C prompts [SOS][16 placeholders][name tokens "."][EOS], zero-padded to the longest prompt.
     * The placeholders' embeddings are replaced by the contexts; the ids only mark where the EOS (highest id) is.
     */
    record PromptLayout(long[] ids, int length) {
        static PromptLayout of(TextTokenizer tokenizer, List<String> classNames, int contextLength) {
            int n = TuningConfig.COOP_CONTEXT_TOKENS;
            int room = contextLength - 2 - n;
            if (room < 1) throw new IllegalArgumentException("context length " + contextLength + " leaves no room for class names");
            int[][] names = new int[classNames.size()][];
            int length = 0;
            for (int c = 0; c < names.length; c++) {
                int[] t = tokenizer.encode(classNames.get(c) + ".");
                names[c] = java.util.Arrays.copyOf(t, Math.min(t.length, room));
                length = Math.max(length, 2 + n + names[c].length);
            }
            long[] ids = new long[names.length * length];
            for (int c = 0; c < names.length; c++) {
                int o = c * length;
                ids[o] = tokenizer.sotToken();
                for (int k = 0; k < names[c].length; k++) ids[o + 1 + n + k] = names[c][k];
                ids[o + 1 + n + names[c].length] = tokenizer.eotToken();
            }
            return new PromptLayout(ids, length);
        }
    }
}
