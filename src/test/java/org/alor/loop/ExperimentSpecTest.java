package org.alor.loop;

import org.alor.adapt.PromptTemplates;
import org.alor.store.CheckpointRecipe;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** ExperimentSpec is the experiment's spec: every bad value fails in one place with a clear message. */
class ExperimentSpecTest {
    @TempDir
    Path tmp;

    private static ExperimentSpec plan(int rounds, int budget, int epochs, int batch, int threads) {
        return ExperimentSpec.builder().optSeeds(List.of(1L)).optRounds(rounds).optBudget(budget).optEpochs(epochs)
                .optBatchSize(batch).optThreads(threads).build();
    }

    @Test
    void aValidPlanHasItsRuns() {
        assertEquals(1, plan(2, 0, 5, 0, 1).runs().size());
    }

    @Test
    void badValuesFailWithAClearMessage() {
        assertMessage("rounds must not be negative", () -> plan(-1, 0, 5, 0, 1));
        assertMessage("budget must not be negative (0 = the number of classes)", () -> plan(2, -1, 5, 0, 1));
        assertMessage("epochs must be at least 1", () -> plan(2, 0, 0, 0, 1));
        assertMessage("batch size must be at least 1 (or 0 for the method's default)", () -> plan(2, 0, 5, -1, 1));
        assertMessage("threads must be at least 1", () -> plan(2, 0, 5, 0, 0));
    }

    @Test
    void aMalformedCombinationNamesTheExpectedForm() {
        assertMessage("'ct:tfs' is not METHOD:STRATEGY:on|off (e.g. ct:tfs:on)", () -> ExperimentSpec.Combination.parse("ct:tfs"));
    }

    @Test
    void negativeLearningRatesAndAnUnknownStrategyAreRefusedBeforeAnyRun() {
        assertMessage("the encoder learning rate must be positive", () -> ExperimentSpec.builder().optEncoderLr(-1).build());
        assertMessage("the head learning rate must be positive", () -> ExperimentSpec.builder().optHeadLr(0).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExperimentSpec.builder().optStrategies(List.of("tfs", "nope")).build());
        assertEquals(true, e.getMessage().contains("unknown selection strategy 'nope'"), e.getMessage());
        assertMessage("precision fp16 applies to ft, ct and pt, not lp (its head trains in fp32)",
                () -> ExperimentSpec.builder().optPrecision(Precision.FP16).build());
    }

    @Test
    void withoutARecipeThePapersValuesStand() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            ExperimentSpec p = ExperimentSpec.builder().optProjectSettings(store.settings()).build();
            assertEquals(50, p.epochs());
            assertEquals(0, p.encoderLr(), "0 = each method's default");
            assertEquals(0, p.headLr());
            assertEquals(ClassNaming.NAME, p.naming());
            assertEquals(PromptTemplates.GENERIC, p.templates());
        }
    }

    @Test
    void theRecordedRecipeAndProjectSettingsAreTheDefaultsAndExplicitValuesWin() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            Settings s = store.settings();
            new CheckpointRecipe(8, 1e-4, null).recordIn(s);
            s.set(Settings.CLASS_NAMING, "most_common_name");
            s.set(Settings.PROMPT_SET, "birds");
            ExperimentSpec recorded = ExperimentSpec.builder().optProjectSettings(s).build();
            assertEquals(8, recorded.epochs());
            assertEquals(1e-4, recorded.encoderLr());
            assertEquals(0, recorded.headLr());
            assertEquals(ClassNaming.MOST_COMMON_NAME, recorded.naming());
            assertEquals(PromptTemplates.parse("birds"), recorded.templates());
            ExperimentSpec flags = ExperimentSpec.builder().optProjectSettings(s).optEpochs(3).optEncoderLr(1e-6)
                    .optHeadLr(2e-3).optNaming(ClassNaming.NAME).build();
            assertEquals(3, flags.epochs());
            assertEquals(1e-6, flags.encoderLr());
            assertEquals(2e-3, flags.headLr());
            assertEquals(ClassNaming.NAME, flags.naming());
            assertEquals(2e-3, flags.config(flags.runs().get(0)).headLr(), "each run's round spec gets the value");
        }
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
    }
}
