package org.alor.cli;

import org.alor.data.DatasetFormat;
import org.alor.data.DatasetImport;
import org.alor.data.DatasetImports;
import org.alor.data.ImportProblem;
import org.alor.data.ImportRequest;
import org.alor.data.SampleRecord;
import org.alor.data.Split;
import org.alor.data.StratifiedSplitter;
import org.alor.store.ImportProblemLog;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** `alor init`: create a project folder from a dataset. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a project from a dataset (images are referenced, never copied).",
                "ImageFolder and CSV datasets without splits are split per class (stratified, seeded)."})
public final class InitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT_DIR", description = "Folder of the new project.")
    Path projectDir;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Dataset root folder.")
    Path images;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "imagefolder | splits | csv | folder (unlabeled folder + class list); detected when omitted.")
    String format;

    @Option(names = "--classes", paramLabel = "FILE",
            description = "Class list (one name per line, optional |-separated synonyms) or class metadata JSON.")
    Path classes;

    @Option(names = "--checkpoint", paramLabel = "PATH", description = "CLIP checkpoint (folder or file), remembered in the project.")
    Path checkpoint;

    @Option(names = "--corpus", paramLabel = "PATH", description = "Open-data corpus (shards, folder or Parquet), remembered in the project.")
    Path corpus;

    @Option(names = "--val-fraction", defaultValue = "0.1", paramLabel = "F", description = "Validation fraction per class when splitting (default ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(names = "--test-fraction", defaultValue = "0.2", paramLabel = "F", description = "Test fraction per class when splitting (default ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed of the split (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(projectDir.resolve(ProjectStore.DATABASE_FILE))) {
            throw new IllegalStateException(projectDir + " is already a project (change its settings with `alor set`)");
        }
        if (!Files.isDirectory(images)) throw new IllegalArgumentException("dataset folder " + images + " does not exist");
        if (checkpoint != null && !Files.exists(checkpoint)) throw new IllegalArgumentException("checkpoint " + checkpoint + " does not exist");
        if (corpus != null && !Files.exists(corpus)) throw new IllegalArgumentException("corpus " + corpus + " does not exist");

        ConsoleProgress progress = new ConsoleProgress("Reading images");
        ImportRequest request = new ImportRequest(images.toAbsolutePath().normalize(),
                format == null ? null : DatasetFormat.parse(format), null, classes, null, 0, progress::update);
        DatasetImport imported = DatasetImports.run(request);
        List<SampleRecord> samples = imported.samples();
        boolean split = !imported.hasSplitAssignments()
                && samples.stream().anyMatch(s -> s.trueLabel() != null);
        if (split) samples = new StratifiedSplitter(valFraction, testFraction, seed).assign(samples);

        Files.createDirectories(projectDir);
        try (ProjectStore store = ProjectStore.create(projectDir)) {
            List<SampleRecord> toStore = samples;
            store.inTransaction(tx -> {
                store.replaceClasses(imported.classes());
                store.insertSamples(toStore);
                Settings settings = store.settings();
                settings.set(Settings.DATASET_ROOT, imported.root());
                settings.set("dataset_format", imported.format().key());
                settings.set(Settings.SEED, seed);
                settings.set(Settings.CREATED_AT, Instant.now());
                if (checkpoint != null) settings.set(Settings.CHECKPOINT, checkpoint.toAbsolutePath().normalize());
                if (corpus != null) settings.set(Settings.CORPUS, corpus.toAbsolutePath().normalize());
                ImportProblemLog.save(settings, imported.problems());
                return null;
            });
        }
        Map<Split, Integer> counts = new EnumMap<>(Split.class);
        for (SampleRecord s : samples) counts.merge(s.split(), 1, Integer::sum);
        System.out.printf("Created %s: %d classes, %d samples (%s) from %s [%s]%s%n", projectDir, imported.classes().size(),
                samples.size(), describe(counts), imported.root(), imported.format().key(),
                split ? String.format(", split val %.2f / test %.2f with seed %d", valFraction, testFraction, seed) : "");
        if (!imported.problems().isEmpty()) {
            System.out.println(imported.problems().size() + " file(s) or line(s) skipped:");
            for (ImportProblem p : imported.problems()) System.out.println("  " + p);
        }
        return 0;
    }

    private static String describe(Map<Split, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Split, Integer> e : counts.entrySet()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(e.getKey().key()).append(' ').append(e.getValue());
        }
        return sb.toString();
    }
}
