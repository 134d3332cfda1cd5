package org.alor.loop;

import org.alor.adapt.PromptTemplates;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** ExperimentPlan is the experiment's spec: every bad value fails in one place with a clear message. */
class ExperimentPlanValidationTest {
    private static ExperimentPlan plan(int rounds, int budget, int epochs, int batch, int threads) {
        return new ExperimentPlan(List.of("lp"), List.of("tfs"), List.of(true), List.of(1L), rounds, budget, epochs, batch,
                ClassNaming.NAME, PromptTemplates.GENERIC, threads);
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
        assertMessage("'ct:tfs' is not METHOD:STRATEGY:on|off (e.g. ct:tfs:on)", () -> ExperimentPlan.Combination.parse("ct:tfs"));
    }

    @Test
    void negativeLearningRatesAreRefused() {
        assertMessage("learning rates must be positive", () -> new Tuning(-1, 0, Precision.FP32));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
    }
}
