package org.alor.clip;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Not a test: times the text tower's forward + backward on a CT batch of class prompts ("a photo of a Genus species,
 * a type of bird.") as they are (padding after the last end-of-text token dropped) against the same batch with one
 * full-length row added (so the whole context runs), interleaved in one process. Run after
 * {@code mvn -o -q test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat target/classpath.txt) org.alor.clip.TextTrimBenchmark [PROMPTS] [ROUNDS]}
 * (ViT-B/32's text tower, random weights, context 77).
 */
@Tag("benchmark")
class TextTrimBenchmark {
    public static void main(String[] args) {
        int prompts = args.length > 0 ? Integer.parseInt(args[0]) : 96;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        run(prompts, rounds);
    }

    @Test
    void timeTrimmedAgainstFullContext() {
        run(96, 3);
    }

    private static void run(int prompts, int rounds) {
        ClipConfig config = ClipModelFactory.vitB32QuickGelu();
        int context = config.contextLength();
        ClipTokenizer tokenizer = ClipTokenizer.bundled();
        List<String> texts = new ArrayList<>();
        String[] genera = {"Lampites", "Corvinus", "Tachycineta", "Egretta", "Passerculus", "Melospiza"};
        String[] species = {"ruber", "bicolor", "caerulea", "sandwichensis", "melodia", "occidentalis", "minor", "major"};
        for (int i = 0; i < prompts; i++) {
            texts.add("a photo of a " + genera[i % genera.length] + " " + species[(i / genera.length) % species.length]
                    + ", a type of bird.");
        }
        long[][] ids = tokenizer.tokenize(texts, context);
        long[] full = new long[context];
        Arrays.fill(full, 1, context - 1, 320); // any word id
        full[0] = ids[0][0];
        full[context - 1] = config.vocabSize() - 1;
        try (ClipModel model = ClipModel.random(config, Device.cpu(), 0);
             NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray shortBatch = batch(m, ids, null, context);
            NDArray fullBatch = batch(m, ids, full, context);
            System.out.printf("ViT-B/32 text tower, %d prompts, %d of %d positions used; forward + backward%n",
                    prompts, TextTower.usedLength(shortBatch), context);
            double[] trimmed = new double[rounds];
            double[] padded = new double[rounds];
            step(model, m, shortBatch);
            step(model, m, fullBatch);
            for (int r = 0; r < rounds; r++) {
                trimmed[r] = step(model, m, shortBatch);
                padded[r] = step(model, m, fullBatch);
            }
            Arrays.sort(trimmed);
            Arrays.sort(padded);
            System.out.printf("trimmed %.3f s, full context %.3f s (medians of %d interleaved rounds): %.2f× faster%n",
                    trimmed[rounds / 2], padded[rounds / 2], rounds, padded[rounds / 2] / trimmed[rounds / 2]);
        }
    }

    private static NDArray batch(NDManager m, long[][] rows, long[] extra, int context) {
        int n = rows.length + (extra == null ? 0 : 1);
        long[] flat = new long[n * context];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * context, context);
        if (extra != null) System.arraycopy(extra, 0, flat, rows.length * context, context);
        return m.create(flat, new Shape(n, context));
    }

    private static double step(ClipModel model, NDManager m, NDArray ids) {
        long start = System.nanoTime();
        try (NDManager scope = m.newSubManager();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray out = model.encodeTexts(new ParameterStore(scope, false), ids, true);
            collector.backward(out.square().sum());
        }
        model.zeroGradients();
        return (System.nanoTime() - start) / 1e9;
    }
}
