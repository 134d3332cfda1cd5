package org.alor.cli;

import org.alor.adapt.PromptTemplates;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** `alor set`: change the checkpoint or corpus a project uses. */
@Command(name = "set", mixinStandardHelpOptions = true, description = "Change the CLIP checkpoint, open-data corpus or prompt set of a project.")
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

    @Override
    public Integer call() {
        if (checkpoint == null && corpus == null && prompts == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give --checkpoint, --corpus and/or --prompts");
        }
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
                return null;
            });
        }
        if (checkpoint != null) spec.commandLine().getOut().println("checkpoint: " + checkpoint.toAbsolutePath().normalize());
        if (corpus != null) spec.commandLine().getOut().println("corpus: " + corpus.toAbsolutePath().normalize());
        if (promptSet != null) spec.commandLine().getOut().println("prompt set: " + promptSet);
        return 0;
    }
}
