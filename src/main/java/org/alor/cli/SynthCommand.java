package org.alor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.alor.synth.ContactSheet;
import org.alor.synth.Species;
import org.alor.synth.SynthConfig;
import org.alor.synth.SynthWorld;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alor synth}: generates the synthetic long-tail bird world (task dataset + open corpus). */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Generate a synthetic long-tail bird world: task dataset (pool/val/test, classes.json),",
                "a LAION-like open corpus (tar shards + metadata.csv) and world.json. Same options, same bytes."})
public final class SynthCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (new, empty, or a previous synth output).")
    Path out;

    @Option(names = "--seed", description = "World seed (default: ${DEFAULT-VALUE}).")
    long seed = SynthConfig.DEFAULT_SEED;

    @Option(names = "--species", paramLabel = "K", description = "Number of species (default: ${DEFAULT-VALUE}).")
    int species = SynthConfig.defaults().species();

    @Option(names = "--corpus", paramLabel = "M", description = "Open-corpus image–caption pairs (default: ${DEFAULT-VALUE}).")
    int corpus = SynthConfig.defaults().corpusPairs();

    @Option(names = "--image-size", paramLabel = "S", description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
    int imageSize = SynthConfig.defaults().imageSize();

    @Option(names = "--shard-size", paramLabel = "N", description = "Pairs per corpus tar shard (default: ${DEFAULT-VALUE}).")
    int shardSize = SynthConfig.defaults().shardSize();

    @Option(names = "--pool-max", paramLabel = "N", description = "Pool images of the most frequent species (default: ${DEFAULT-VALUE}).")
    int poolMax = SynthConfig.defaults().poolMax();

    @Option(names = "--pool-min", paramLabel = "N", description = "Pool images of the rarest species (default: ${DEFAULT-VALUE}).")
    int poolMin = SynthConfig.defaults().poolMin();

    @Option(names = "--val", paramLabel = "N", description = "Validation images per class (default: ${DEFAULT-VALUE}).")
    int valPerClass = SynthConfig.defaults().valPerClass();

    @Option(names = "--test", paramLabel = "N", description = "Test images per class (default: ${DEFAULT-VALUE}).")
    int testPerClass = SynthConfig.defaults().testPerClass();

    @Option(names = "--scientific-captions", paramLabel = "P",
            description = "Share of bird captions that mention the scientific name, alone or with the common name "
                    + "(0 to 0.64; default: ${DEFAULT-VALUE}). Lower makes the prompts' scientific names rarer to the CLIP.")
    double scientificCaptions = SynthConfig.DEFAULT_SCIENTIFIC_CAPTIONS;

    @Option(names = "--shared-look", description = "Render corpus and task images alike (format-1 worlds, no domain gap).")
    boolean sharedLook;

    @Option(names = "--threads", description = "Rendering threads; output does not depend on it (default: ${DEFAULT-VALUE}).")
    int threads = 2;

    @Option(names = "--ensure-corpus", paramLabel = "DIR",
            description = "Regenerate DIR/corpus from DIR/world.json if it is missing or differs, then exit.")
    Path ensureCorpus;

    @Option(names = "--readme", paramLabel = "DIR",
            description = "Rewrite DIR/README.md from DIR/world.json and DIR/clip/ (tiny-CLIP training log, zero-shot result), then exit.")
    Path readme;

    @Option(names = "--sheets", paramLabel = "DIR",
            description = "Also write contact sheets (synthetic-aves-species.png, synthetic-aves-variation.png) into DIR.")
    Path sheets;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            if (readme != null) {
                org.alor.synth.TinyClipReadme.rewrite(readme);
                stdout.println("rewrote " + readme.resolve("README.md"));
                stdout.flush();
                return 0;
            }
            if (ensureCorpus != null) {
                long t0 = System.nanoTime();
                SynthWorld.CorpusCheck check = SynthWorld.ensureCorpus(ensureCorpus);
                stdout.printf("corpus %s (%d ms)%n", check.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), (System.nanoTime() - t0) / 1_000_000);
                stdout.flush();
                return 0;
            }
            if (out == null && sheets == null) {
                err.println("alor synth: give --out DIR (or --ensure-corpus DIR, or --sheets DIR)");
                err.flush();
                return 2;
            }
            SynthConfig config = new SynthConfig(seed, species, corpus, imageSize, shardSize, poolMax, poolMin, valPerClass, testPerClass, threads, !sharedLook, scientificCaptions);
            SynthWorld world = SynthWorld.create(config);
            if (out != null) {
                SynthWorld.WorldFiles files = world.writeTo(out);
                stdout.printf("wrote synthetic world (seed %d, %d species, %d corpus pairs, %d px) to %s in %.1f s%n",
                        seed, species, corpus, imageSize, out, files.millis() / 1000.0);
            }
            if (sheets != null) writeSheets(world, sheets);
            stdout.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("alor synth: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("alor synth: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private void writeSheets(SynthWorld world, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Species> all = world.species();
        // six species of two genera (fine-grained neighbours side by side), six samples each
        List<Species> bySpecies = all.stream().sorted(java.util.Comparator.comparing(Species::genus).thenComparing(Species::id))
                .limit(6).toList();
        ImageIO.write(ContactSheet.of(bySpecies, world.config().seed(), 6, 128), "png", dir.resolve("synthetic-aves-species.png").toFile());
        ImageIO.write(ContactSheet.variation(bySpecies.get(0), world.config().seed(), 4, 8, 96), "png",
                dir.resolve("synthetic-aves-variation.png").toFile());
    }
}
