package org.alor.loop;

import org.alor.adapt.PromptTemplates;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunConfigTest {
    @TempDir
    Path tmp;

    @Test
    void projectSettingsChooseSeedClassNamingAndPrompts() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            RunConfig plain = RunConfig.fromSettings(store.settings(), "LP", "TFS");
            assertThat(plain.method()).isEqualTo("lp");
            assertThat(plain.seed()).isEqualTo(666);
            assertThat(plain.naming()).isEqualTo(ClassNaming.NAME);
            assertThat(plain.budgetFor(37)).isEqualTo(37);

            store.settings().set(Settings.SEED, 777);
            store.settings().set(RunConfig.CLASS_NAMING_SETTING, "most_common_name");
            store.settings().set(RunConfig.PROMPT_SET_SETTING, "birds");
            RunConfig set = RunConfig.fromSettings(store.settings(), "lp", "tfs");
            assertThat(set.seed()).isEqualTo(777);
            assertThat(set.naming()).isEqualTo(ClassNaming.MOST_COMMON_NAME);
            assertThat(set.templates()).isEqualTo(PromptTemplates.BIRDS);
            assertThat(set.withBudget(5).budgetFor(37)).isEqualTo(5);

            store.settings().set(RunConfig.PROMPT_SET_SETTING, "trains");
            assertThatThrownBy(() -> RunConfig.fromSettings(store.settings(), "lp", "tfs")).hasMessageContaining("prompt_set");
        }
    }
}
