package org.alor.synth;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.alor.adapt.train.AdamW;
import org.alor.adapt.train.BatchRequest;
import org.alor.adapt.train.BatchSource;
import org.alor.adapt.train.EpochSummary;
import org.alor.adapt.train.ModelSelection;
import org.alor.adapt.train.ParameterGroup;
import org.alor.adapt.train.StepProgress;
import org.alor.adapt.train.TrainStep;
import org.alor.adapt.train.Trainer;
import org.alor.adapt.train.TrainingConfig;
import org.alor.adapt.train.TrainingListener;
import org.alor.adapt.train.TrainingResult;
import org.alor.adapt.train.WarmupCosineSchedule;
import org.alor.clip.ClipConfig;
import org.alor.clip.ClipModel;
import org.alor.clip.ClipTokenizer;
import org.alor.clip.ContrastiveLoss;
import org.alor.clip.ElementType;
import org.alor.clip.ImagePreprocessor;
import org.alor.clip.OpenClipCheckpointWriter;
import org.alor.clip.RandomResizedCrop;
import org.alor.clip.TrainingAugmentation;
import org.alor.job.CancellationToken;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * CLIP contrastive pretraining from scratch on an image–caption corpus, on the CPU with DJL: symmetric
 * InfoNCE with the model's own learnable temperature (init ln(1/0.07), clamped to [0, ln 100] after each
 * step), AdamW with linear warm-up and cosine decay to 0 (the shared {@link Trainer}), light augmentation
 * (RandomResizedCrop scale 0.8–1 + flip, seeded per example), every pair of the corpus (non-bird pairs
 * included). Weight decay only on matrices: biases, LayerNorm gains, embeddings (token, positional,
 * class) and logit_scale get 0 — the usual ViT/CLIP practice, decaying them only shrinks lookup tables
 * and normalisers.
 *
 * <p>The result is an OpenCLIP checkpoint folder with F16 weights plus {@code training_log.json/.md},
 * written to a temporary sibling of the output folder and moved into place only when complete.
 */
public final class TinyClipPretrainer {
    private final PretrainOptions options;
    private final int threads;

    public TinyClipPretrainer(PretrainOptions options, int threads) {
        this.options = options;
        this.threads = Math.max(1, threads);
    }

    /**
     * @param command the command line to record in the log (e.g. "alor pretrain --corpus ..."), may be null
     * @throws java.util.concurrent.CancellationException when {@code cancelled} is cancelled (nothing is written)
     */
    public PretrainResult run(Path corpusDir, Path outDir, String command, PretrainListener listener,
                              CancellationToken cancelled) throws IOException {
        long start = System.nanoTime();
        PretrainCorpus corpus = PretrainCorpus.load(corpusDir, listener::onWarning);
        if (corpus.size() < options.batchSize()) {
            throw new IllegalArgumentException(corpusDir + ": only " + corpus.size() + " usable pairs, fewer than one batch of "
                    + options.batchSize());
        }
        listener.onCorpusLoaded(corpus.size(), corpus.problems(), (System.nanoTime() - start) / 1e9);
        ClipConfig config = options.model();
        long[][] tokens = ClipTokenizer.bundled().tokenize(
                corpus.pairs().stream().map(PretrainPair::caption).toList(), config.contextLength());

        Device device = Device.cpu();
        try (ClipModel model = ClipModel.random(config, device, options.seed());
             NDManager manager = NDManager.newBaseManager(device)) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            AdamW adamW = new AdamW(parameterGroups(model));
            LogitScaleClamp optimizer = new LogitScaleClamp(adamW, model.logitScale());
            TrainingConfig training = TrainingConfig.of(options.epochs(), options.batchSize(), options.seed())
                    .withSelection(ModelSelection.LAST_EPOCH);
            long total = training.totalIterations(corpus.size());
            int warmup = (int) Math.min(options.warmupIterations(), Math.max(0, total - 1));
            WarmupCosineSchedule schedule = new WarmupCosineSchedule(warmup,
                    options.learningRate() / Math.max(1, warmup), Math.max(1, total - warmup), 0);
            double[] firstLoss = {Double.NaN};
            TrainingListener recording = new TrainingListener() {
                @Override
                public void onStep(StepProgress p) {
                    if (Double.isNaN(firstLoss[0])) firstLoss[0] = p.loss();
                    listener.onStep(p);
                }

                @Override
                public void onEpoch(EpochSummary s) {
                    listener.onEpoch(s);
                }

                @Override
                public void onNotice(String message) {
                    listener.onNotice(message);
                }
            };
            TrainingResult result;
            try {
                result = Trainer.builder(new PairSource(corpus.pairs(), tokens, config, pool), step(model), optimizer, training)
                        .schedule(schedule)
                        .listener(recording)
                        .cancellation(cancelled)
                        .build()
                        .fit(manager);
            } finally {
                optimizer.close();
                pool.shutdownNow();
            }
            List<Double> losses = new ArrayList<>();
            List<Double> seconds = new ArrayList<>();
            for (EpochSummary s : result.epochs()) {
                losses.add(s.meanLoss());
                seconds.add(s.seconds());
            }
            double logitScale = model.logitScale().getArray().toFloatArray()[0];
            PretrainLog log = new PretrainLog(command, options, threads, corpusDir.toString(), corpus.size(),
                    corpus.problems(), firstLoss[0], losses, seconds, logitScale, (System.nanoTime() - start) / 1e9,
                    model.parameterCount());
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("format", "pt");
            metadata.put("alor_pretrain", command == null ? "TinyClipPretrainer" : command);
            AtomicCheckpointFolder.write(outDir, dir -> {
                OpenClipCheckpointWriter.write(dir, config, model.stateDict(), ElementType.F16, metadata);
                log.writeTo(dir);
            });
            return new PretrainResult(outDir, losses, seconds, firstLoss[0], corpus.size(), corpus.problems(),
                    logitScale, (System.nanoTime() - start) / 1e9);
        }
    }

    /** Two AdamW groups with the same peak rate: layer weights with weight decay, everything else without. */
    List<ParameterGroup> parameterGroups(ClipModel model) {
        List<Parameter> decay = model.layerWeights();
        Set<Parameter> decayed = Collections.newSetFromMap(new IdentityHashMap<>());
        decayed.addAll(decay);
        List<Parameter> noDecay = new ArrayList<>();
        for (Parameter p : model.namedParameters().values()) if (!decayed.contains(p)) noDecay.add(p);
        return List.of(new ParameterGroup("matrices", decay, options.learningRate(), options.weightDecay()),
                new ParameterGroup("biases, norms, embeddings, logit scale", noDecay, options.learningRate(), 0));
    }

    private TrainStep<NDList> step(ClipModel model) {
        return (manager, batch, collector) -> {
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray images = model.encodeImages(ps, batch.get(0), true);
            NDArray texts = model.encodeTexts(ps, batch.get(1), true);
            NDArray scale = ps.getValue(model.logitScale(), images.getDevice(), true);
            return ContrastiveLoss.compute(images, texts, scale);
        };
    }

    /** Augments and stacks pairs; augmentation randomness depends only on (run seed, epoch, step, position). */
    private final class PairSource implements BatchSource<NDList> {
        private final List<PretrainPair> pairs;
        private final long[][] tokens;
        private final ClipConfig config;
        private final ForkJoinPool pool;
        private final TrainingAugmentation augmentation;

        PairSource(List<PretrainPair> pairs, long[][] tokens, ClipConfig config, ForkJoinPool pool) {
            this.pairs = pairs;
            this.tokens = tokens;
            this.config = config;
            this.pool = pool;
            this.augmentation = new TrainingAugmentation(
                    RandomResizedCrop.withScale(config.imageSize(), options.cropScaleMin(), 1.0), 0.5,
                    ImagePreprocessor.forConfig(config));
        }

        @Override
        public int size() {
            return pairs.size();
        }

        @Override
        public NDList load(NDManager manager, BatchRequest request) {
            int n = request.size();
            int s = config.imageSize();
            int per = 3 * s * s;
            int context = config.contextLength();
            float[] pixels = new float[n * per];
            long[] ids = new long[n * context];
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
                int index = request.indices()[i];
                float[] image = augmentation.apply(pairs.get(index).image(), new SplittableRandom(request.exampleSeed(i)));
                System.arraycopy(image, 0, pixels, i * per, per);
                System.arraycopy(tokens[index], 0, ids, i * context, context);
            })).join();
            return new NDList(manager.create(pixels, new Shape(n, 3, s, s)), manager.create(ids, new Shape(n, context)));
        }
    }
}
