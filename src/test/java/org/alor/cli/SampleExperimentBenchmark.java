package org.alor.cli;

import org.alor.job.CancellationToken;
import ai.djl.Device;
import org.alor.adapt.ClipBase;
import org.alor.adapt.ImageFeatureEncoder;
import org.alor.adapt.ImageSource;
import org.alor.adapt.TextTokenizer;
import org.alor.clip.CheckpointLoader;
import org.alor.clip.ClipEncoder;
import org.alor.clip.ClipModel;
import org.alor.clip.ClipTokenizer;
import org.alor.clip.LoadedCheckpoint;
import org.alor.data.Split;
import org.alor.loop.FeatureSource;
import org.alor.loop.ModelBackend;
import org.alor.loop.TextEncoder;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import org.alor.store.StoredSample;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample-world experiment of the FT/CT/PT issue, with a stand-in CLIP backend (the lead wires the real one):
 * {@code mvn -o -q test -Dtest=SampleExperimentBenchmark -Dgroups=benchmark -Dalor.dataset=DIR -Dalor.clip=DIR
 * -Dalor.out=DIR [-Dalor.args="--methods lp,ft,ct,pt --strategies tfs,random --rounds 6 --seeds 1,2,3 --epochs 10"]}.
 * Features are encoded once per sample with the checkpoint and kept in memory.
 */
@Tag("benchmark")
class SampleExperimentBenchmark {

    @Test
    void runsTheExperiment() throws Exception {
        Path dataset = Path.of(System.getProperty("alor.dataset", "sample-data/synthetic-aves"));
        Path clip = Path.of(System.getProperty("alor.clip", "sample-data/synthetic-aves/clip"));
        Path out = Path.of(System.getProperty("alor.out", "target/sample-experiment"));
        String args = System.getProperty("alor.args", "--methods lp,ft,ct,pt --strategies tfs,random --rounds 6 --seeds 1,2,3 --epochs 10");
        Files.createDirectories(out);
        ai.djl.engine.Engine.getInstance();
        // runs go in parallel (--threads); one PyTorch thread each avoids oversubscribing the cores
        ai.djl.pytorch.jni.JniUtils.setNumThreads(Integer.getInteger("alor.torchThreads", 1));
        Path project = out.resolve("project");
        if (!Files.exists(project.resolve(ProjectStore.DATABASE_FILE))) {
            int code = new picocli.CommandLine(new InitCommand()).execute(project.toString(), "--images", dataset.toString());
            assertThat(code).isZero();
        }
        LoadedCheckpoint checkpoint = CheckpointLoader.load(clip);
        ClipTokenizer tokenizer;
        try {
            tokenizer = ClipTokenizer.forCheckpointFolder(clip);
        } catch (RuntimeException | java.io.IOException e) {
            tokenizer = ClipTokenizer.bundled();
        }
        ClipBase base = ClipBase.of(checkpoint, TextTokenizer.of(tokenizer), Device.cpu());
        Map<Long, float[]> cache = new ConcurrentHashMap<>();
        ModelBackend backend = new ModelBackend() {
            @Override
            public FeatureSource featureSource(ProjectStore store) {
                ImageSource images = images(store);
                return ids -> {
                    List<Long> missing = new ArrayList<>();
                    for (long id : ids) if (!cache.containsKey(id)) missing.add(id);
                    if (!missing.isEmpty()) {
                        synchronized (cache) {
                            try (ClipModel m = base.newModel()) {
                                float[][] f = ImageFeatureEncoder.encode(m, images, missing, 2, new CancellationToken());
                                for (int i = 0; i < f.length; i++) cache.put(missing.get(i), f[i]);
                            }
                        }
                    }
                    float[][] rows = new float[ids.size()][];
                    for (int i = 0; i < rows.length; i++) rows[i] = cache.get(ids.get(i));
                    return rows;
                };
            }

            @Override
            public TextEncoder textEncoder(ProjectStore store) {
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
                return base;
            }

            @Override
            public ImageSource images(ProjectStore store) {
                Path root = store.settings().getPath(Settings.DATASET_ROOT).orElse(store.dir());
                Map<Long, Path> files = new HashMap<>();
                for (Split s : Split.values()) {
                    for (StoredSample x : store.sampleTable().bySplit(s)) {
                        files.put(x.id(), (s == Split.RETRIEVED ? store.dir() : root).resolve(x.path()));
                    }
                }
                return id -> files.get(id);
            }
        };
        {
            List<String> argv = new ArrayList<>(List.of(project.toString(), "--out", out.resolve("results").toString()));
            argv.addAll(List.of(args.trim().split("\\s+")));
            long start = System.nanoTime();
            ExperimentCommand command = new ExperimentCommand();
            command.sessionOptions.backends = (device, threads) -> backend;
            int code = new picocli.CommandLine(command).execute(argv.toArray(new String[0]));
            System.out.printf("experiment finished with code %d in %.0f s%n", code, (System.nanoTime() - start) / 1e9);
            assertThat(code).isZero();
        }
    }
}
