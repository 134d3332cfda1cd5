package org.alor.app.wizard;

import org.alor.adapt.PromptTemplates;
import org.alor.app.common.BackgroundJobs;
import org.alor.cli.SetCommand;
import org.alor.store.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 17: the empty-checkpoint hint is a command `alor` accepts, and the prompt set is chosen in the wizard. */
class WizardCheckpointHintTest {
    private final BackgroundJobs jobs = new BackgroundJobs();

    @AfterEach
    void close() {
        jobs.shutdown();
    }

    @Test
    void hintIsTheRealSetCommandForThisProjectFolder() {
        NewProjectWizardModel m = new NewProjectWizardModel(jobs);
        m.projectDirProperty().set("/data/my birds");
        String hint = m.checkpointHint();
        assertThat(hint).contains("alor set --checkpoint=PATH '/data/my birds'");
        String line = hint.substring(hint.indexOf("alor set ") + "alor set ".length());
        List<String> args = List.of("--checkpoint=PATH", "/data/my birds");
        assertThat(line).isEqualTo("--checkpoint=PATH '/data/my birds'");
        CommandLine.ParseResult parsed = new CommandLine(new SetCommand()).parseArgs(args.toArray(String[]::new));
        assertThat(String.valueOf((Object) parsed.matchedOptionValue("--checkpoint", null))).isEqualTo("PATH");
        assertThat(String.valueOf((Object) parsed.matchedPositionalValue(0, null))).isEqualTo("/data/my birds");
    }

    @Test
    void thePromptSetChoiceOffersEverySetAndIsSavedAsTheProjectSetting() {
        NewProjectWizardModel m = new NewProjectWizardModel(jobs);
        assertThat(m.promptSets()).containsExactly(PromptTemplates.values());
        assertThat(m.promptSetProperty().get()).isEqualTo(PromptTemplates.GENERIC);
        m.promptSetProperty().set(PromptTemplates.BIRDS);
        assertThat(m.moreSettings()).containsEntry(Settings.PROMPT_SET, "birds");
        assertThat(m.summary()).contains("Prompt set: birds").doesNotContain("alor set checkpoint");
    }
}
