package org.alor.cli;

import org.alor.adapt.train.EpochSummary;
import org.alor.adapt.train.StepProgress;
import org.alor.synth.PretrainListener;
import org.alor.synth.PretrainOptions;
import org.alor.synth.PretrainResult;
import org.alor.synth.TinyClipPretrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

/** {@code alor pretrain}: trains a tiny CLIP from scratch on a webdataset corpus (CPU) and saves an OpenCLIP checkpoint. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = {"Pretrain a tiny CLIP from scratch on image–caption tar shards (contrastive loss, AdamW, CPU).",
                "Writes DIR/open_clip_config.json, open_clip_model.safetensors (F16) and training_log.json/.md;",
                "the folder is replaced only when the run completes (Ctrl-C leaves any previous checkpoint intact).",
                "The defaults are the shipped sample model (sample-data/synthetic-aves/clip)."})
public final class PretrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "Folder of webdataset .tar shards.")
    Path corpus;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Checkpoint folder to write.")
    Path out;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "Pairs per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "7", description = "Seed for init, shuffling, augmentation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "2", description = "Augmentation and libtorch threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--wd", defaultValue = "0.1", description = "Weight decay on matrices (default: ${DEFAULT-VALUE}).")
    double wd;

    @Option(names = "--warmup", defaultValue = "50", description = "Warm-up steps (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--image-size", defaultValue = "64", description = "Image side (default: ${DEFAULT-VALUE}).")
    int imageSize;

    @Option(names = "--patch", defaultValue = "8", description = "Patch size (default: ${DEFAULT-VALUE}).")
    int patch;

    @Option(names = "--vision-width", defaultValue = "128", description = "Vision width (default: ${DEFAULT-VALUE}).")
    int visionWidth;

    @Option(names = "--vision-layers", defaultValue = "4", description = "Vision layers (default: ${DEFAULT-VALUE}).")
    int visionLayers;

    @Option(names = "--head-width", defaultValue = "32", description = "Vision head width (default: ${DEFAULT-VALUE}).")
    int headWidth;

    @Option(names = "--text-width", defaultValue = "128", description = "Text width (default: ${DEFAULT-VALUE}).")
    int textWidth;

    @Option(names = "--text-heads", defaultValue = "4", description = "Text heads (default: ${DEFAULT-VALUE}).")
    int textHeads;

    @Option(names = "--text-layers", defaultValue = "4", description = "Text layers (default: ${DEFAULT-VALUE}).")
    int textLayers;

    @Option(names = "--context", defaultValue = "24", description = "Text context length; longer captions are cut, keeping the end token (default: ${DEFAULT-VALUE}: the sample corpus' longest caption is 23 tokens).")
    int context;

    @Option(names = "--embed", defaultValue = "128", description = "Joint embedding size (default: ${DEFAULT-VALUE}).")
    int embed;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PretrainOptions options;
        try {
            if (threads < 1) throw new IllegalArgumentException("--threads must be >= 1");
            options = new PretrainOptions(PretrainOptions.tinyClip(embed, imageSize, patch, visionWidth, visionLayers,
                    headWidth, context, textWidth, textHeads, textLayers), epochs, batch, seed, lr, wd, warmup, 0.8);
        } catch (IllegalArgumentException e) {
            err.println("alor pretrain: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (!Files.isDirectory(corpus)) {
            err.println("alor pretrain: " + corpus + " is not a folder");
            err.flush();
            return 2;
        }
        // libtorch reads these when the engine starts (ignored if it already runs in this JVM)
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");

        try (CancelOnInterrupt ctrlC = CancelOnInterrupt.install()) { // the run deletes its temporary folder first
            PretrainResult r = new TinyClipPretrainer(options, threads)
                    .run(corpus, out, commandLine(), new Progress(err), ctrlC.token());
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(Locale.ROOT, "pretrained on %d pairs in %.1f min: loss %.4f → %.4f (first batch %.4f); wrote %s%n",
                    r.pairs(), r.totalSeconds() / 60, r.epochLosses().get(0), r.epochLosses().get(r.epochLosses().size() - 1),
                    r.firstStepLoss(), r.checkpoint());
            stdout.flush();
            return 0;
        } catch (CancellationException e) {
            err.println("alor pretrain: interrupted; nothing was written to " + out);
            return 1;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            err.println("alor pretrain: " + e.getMessage());
            return 1;
        } finally {
            err.flush();
        }
    }

    private String commandLine() {
        return String.format(Locale.ROOT, "alor pretrain --corpus %s --out %s --epochs %d --batch %d --seed %d --threads %d"
                        + " --lr %s --wd %s --warmup %d --image-size %d --patch %d --vision-width %d --vision-layers %d"
                        + " --head-width %d --text-width %d --text-heads %d --text-layers %d --context %d --embed %d",
                corpus, out, epochs, batch, seed, threads, lr, wd, warmup, imageSize, patch, visionWidth, visionLayers,
                headWidth, textWidth, textHeads, textLayers, context, embed);
    }

    /** Progress lines on stderr: one every 15 s and one per epoch (log-file friendly). */
    private static final class Progress implements PretrainListener {
        private final PrintWriter err;
        private long lastLine;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void onWarning(String message) {
            err.println("warning: " + message);
            err.flush();
        }

        @Override
        public void onCorpusLoaded(int pairs, int problems, double seconds) {
            err.printf(Locale.ROOT, "corpus: %d pairs loaded in %.1f s (%d warnings)%n", pairs, seconds, problems);
            err.flush();
        }

        @Override
        public void onStep(StepProgress p) {
            long now = System.nanoTime();
            if (p.step() > 0 && p.step() + 1 < p.stepsPerEpoch() && now - lastLine < 15_000_000_000L) return;
            lastLine = now;
            err.printf(Locale.ROOT, "epoch %d/%d step %d/%d loss %.4f lr %.2e %.1f img/s ETA %s%n", p.epoch() + 1,
                    p.epochs(), p.step() + 1, p.stepsPerEpoch(), p.loss(), p.learningRate(), p.imagesPerSecond(),
                    duration(p.etaSeconds()));
            err.flush();
        }

        @Override
        public void onEpoch(EpochSummary s) {
            err.printf(Locale.ROOT, "epoch %d done: mean loss %.4f, %.1f s%n", s.epoch() + 1, s.meanLoss(), s.seconds());
            err.flush();
        }

        @Override
        public void onNotice(String message) {
            err.println(message);
            err.flush();
        }

        private static String duration(double seconds) {
            long s = Math.round(seconds);
            return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
        }
    }
}
