package org.alor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.alor.loop.Tuning;
import org.alor.store.CheckpointRecipe;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Round and experiment take epochs and learning rates from flags, else the checkpoint's recipe, else the paper's. */
class RecipeDefaultsTest {
    @TempDir
    Path tmp;

    private final CommandLine cl = new CommandLine(new AlorCli());

    @Test
    void withoutARecipeThePapersValuesStand() throws Exception {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            assertThat(LoopOptions.epochs(null, store.settings())).isEqualTo(50);
            assertThat(LoopOptions.tuning(cl, null, null, false, store.settings())).isEqualTo(Tuning.DEFAULTS);
        }
    }

    @Test
    void theRecordedRecipeIsTheDefaultAndFlagsWin() throws Exception {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            Settings s = store.settings();
            new CheckpointRecipe(8, 1e-4, null).recordIn(s);
            assertThat(LoopOptions.epochs(null, s)).isEqualTo(8);
            assertThat(LoopOptions.tuning(cl, null, null, false, s)).isEqualTo(new Tuning(1e-4, 0, org.alor.loop.Precision.FP32));
            assertThat(LoopOptions.epochs(3, s)).isEqualTo(3);
            assertThat(LoopOptions.tuning(cl, 1e-6, 2e-3, false, s)).isEqualTo(new Tuning(1e-6, 2e-3, org.alor.loop.Precision.FP32));
        }
    }
}
