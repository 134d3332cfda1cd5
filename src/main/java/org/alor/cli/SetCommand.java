package org.alor.cli;

import org.alor.adapt.PromptTemplates;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import picocli.CommandLine.Command;
import org.alor.loop.Precision;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** `alor set`: change the checkpoint or corpus a project uses. */
@Command(name = "set", mixinStandardHelpOptions = true, description = "Change the CLIP checkpoint, open-data corpus, prompt set or precision of a project.")
public final class SetCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT_DIR")
    Path projectDir;

    @Option(names = "--checkpoint", paramLabel = "PATH", description = "CLIP checkpoint (folder or file).")
    Path checkpoint;

    @Option(names = "--corpus", paramLabel = "PATH", description = "Open-data corpus (shards, folder or Parquet).")
    Path corpus;

    @Option(names = "--prompts", paramLabel = "SET", description = "Prompt set: birds, aircraft, food, pets, cars, generic.")
    String prompts;

    @Option(names = "--precision", paramLabel = "fp32|bf16|auto", description = "Default number format of encoding and"
            + " training (auto: bf16 where the device runs it fast, else fp32; a command's --precision wins).")
    String precision;

    /** "fp32", "bf16" or "auto"; fp16 and unknown names are usage errors with the reason. */
    private String precisionSetting() {
        if (precision == null) return null;
        if (precision.trim().equalsIgnoreCase("auto")) return "auto";
        try {
            Precision p = Precision.parse(precision);
            p.computeType();
            return p.key();
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--precision: " + e.getMessage());
        }
    }

    @Override
    public Integer call() {
        if (checkpoint == null && corpus == null && prompts == null && precision == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give --checkpoint, --corpus, --prompts and/or --precision");
        }
        String precisionSetting = precisionSetting();
        String promptSet = prompts == null ? null : PromptTemplates.parse(prompts).name().toLowerCase(java.util.Locale.ROOT);
        if (checkpoint != null && !Files.exists(checkpoint)) throw new IllegalArgumentException("checkpoint " + checkpoint + " does not exist");
        if (corpus != null && !Files.exists(corpus)) throw new IllegalArgumentException("corpus " + corpus + " does not exist");
        java.util.Optional<org.alor.store.CheckpointRecipe> recipe;
        try {
            recipe = checkpoint == null ? java.util.Optional.empty() : org.alor.store.CheckpointRecipe.besideCheckpoint(checkpoint);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        try (ProjectStore store = ProjectStore.open(projectDir)) {
            store.database().inTransaction(tx -> {
                if (checkpoint != null) {
                    store.settings().set(Settings.CHECKPOINT, checkpoint.toAbsolutePath().normalize());
                    store.settings().remove(Settings.CHECKPOINT_HASH);
                    if (recipe.isPresent()) recipe.get().recordIn(store.settings());
                    else org.alor.store.CheckpointRecipe.clearFrom(store.settings());
                }
                if (corpus != null) store.settings().set(Settings.CORPUS, corpus.toAbsolutePath().normalize());
                if (promptSet != null) store.settings().set(Settings.PROMPT_SET, promptSet);
                if (precisionSetting != null) store.settings().set(Precision.SETTING, precisionSetting);
                return null;
            });
        }
        if (checkpoint != null) spec.commandLine().getOut().println("checkpoint: " + checkpoint.toAbsolutePath().normalize());
        if (corpus != null) spec.commandLine().getOut().println("corpus: " + corpus.toAbsolutePath().normalize());
        if (promptSet != null) spec.commandLine().getOut().println("prompt set: " + promptSet);
        if (precisionSetting != null) spec.commandLine().getOut().println("precision: " + precisionSetting);
        return 0;
    }
}
