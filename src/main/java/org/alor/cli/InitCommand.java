package org.alor.cli;

import org.alor.data.DatasetFormat;
import org.alor.data.DatasetImport;
import org.alor.data.ImportProblem;
import org.alor.data.ImportRequest;
import org.alor.data.Split;
import org.alor.adapt.PromptTemplates;
import org.alor.store.ProjectCreator;
import org.alor.store.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** `alor init`: create a project folder from a dataset. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a project from a dataset (images are referenced, never copied).",
                "ImageFolder and CSV datasets without splits are split per class (stratified, seeded)."})
public final class InitCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT_DIR", description = "Folder of the new project.")
    Path projectDir;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Dataset root folder.")
    Path images;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "imagefolder | splits | csv | folder (unlabeled folder + class list); detected when omitted.")
    String format;

    @Option(names = "--classes", paramLabel = "FILE",
            description = {"Class list (one name per line, optional |-separated synonyms), class metadata JSON, or a species list CSV.",
                    "Species list: header 'scientific name,common name,synonyms', synonyms separated by | or ;. With class folders each folder must match one species by scientific name, common name or synonym (case, _ - and spaces ignored)."})
    Path classes;

    @Option(names = "--checkpoint", paramLabel = "PATH", description = "CLIP checkpoint (folder or file), remembered in the project.")
    Path checkpoint;

    @Option(names = "--corpus", paramLabel = "PATH", description = "Open-data corpus (shards, folder or Parquet), remembered in the project.")
    Path corpus;

    @Option(names = "--val-fraction", defaultValue = "0.1", paramLabel = "F", description = "Validation fraction per class when splitting (default ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(names = "--test-fraction", defaultValue = "0.2", paramLabel = "F", description = "Test fraction per class when splitting (default ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--prompts", paramLabel = "SET",
            description = "Prompt set for zero-shot and CT prompts: birds, aircraft, food, pets, cars, generic (default generic).")
    String prompts;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed of the split (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(images)) throw new IllegalArgumentException("dataset folder " + images + " does not exist");
        if (prompts != null) PromptTemplates.parse(prompts);
        ConsoleProgress progress = new ConsoleProgress("Reading images", spec.commandLine().getErr());
        ImportRequest request = new ImportRequest(images.toAbsolutePath().normalize(),
                format == null ? null : DatasetFormat.parse(format), null, classes, null, 0, progress::update);
        Map<String, String> moreSettings = prompts == null ? Map.of()
                : Map.of(Settings.PROMPT_SET, PromptTemplates.parse(prompts).name().toLowerCase(java.util.Locale.ROOT));
        ProjectCreator.Created created = ProjectCreator.create(projectDir, request,
                new ProjectCreator.SplitOptions(valFraction, testFraction, seed), checkpoint, corpus, moreSettings);
        DatasetImport imported = created.imported();
        spec.commandLine().getOut().printf("Created %s: %d classes, %d samples (%s) from %s [%s]%s%n", projectDir, imported.classes().size(),
                created.samples().size(), describe(created.countsBySplit()), imported.root(), imported.format().key(),
                created.splitApplied() ? String.format(", split val %.2f / test %.2f with seed %d", valFraction, testFraction, seed) : "");
        if (!imported.problems().isEmpty()) {
            spec.commandLine().getOut().println(imported.problems().size() + " file(s) or line(s) skipped:");
            for (ImportProblem p : imported.problems()) spec.commandLine().getOut().println("  " + p);
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
