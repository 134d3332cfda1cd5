package org.alor.loop;

import org.alor.adapt.PromptTemplates;
import org.alor.store.Settings;

import java.util.Locale;

/**
 * The settings of an active-learning run.
 *
 * @param method    adaptation method: "zeroshot", "lp", "ft", "ct" or "pt"
 * @param strategy  selection strategy name (see {@link Selectors})
 * @param budget    images to select per round; 0 or less = the number of classes (docs/method.md §3 default)
 * @param seed      seeds round 0, training shuffles and random strategies
 * @param epochs    training epochs per round (paper: 50)
 * @param batchSize training batch size; 0 = the method's default (paper: 128, PT 32), see {@link #effectiveBatchSize()}
 * @param rda       train on the retrieved images too (RDA on) or ignore them (off)
 * @param round0    how round 0's labeled set comes about
 * @param naming    which class name the prompts use
 * @param templates the prompt templates
 * @param tuning    learning-rate and precision overrides of FT/CT/PT (and LP's head rate)
 */
public record RunConfig(String method, String strategy, int budget, long seed, int epochs, int batchSize, boolean rda,
                        Round0Mode round0, ClassNaming naming, PromptTemplates templates, Tuning tuning) {
    public RunConfig {
        method = method.trim().toLowerCase(Locale.ROOT);
        strategy = strategy.trim().toLowerCase(Locale.ROOT);
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1");
        if (batchSize < 0) throw new IllegalArgumentException("batch size must be at least 1 (or 0 for the method's default)");
        if (tuning == null) tuning = Tuning.DEFAULTS;
    }

    public RunConfig(String method, String strategy, int budget, long seed, int epochs, int batchSize, boolean rda,
                     Round0Mode round0, ClassNaming naming, PromptTemplates templates) {
        this(method, strategy, budget, seed, epochs, batchSize, rda, round0, naming, templates, Tuning.DEFAULTS);
    }

    /** Paper defaults: budget C, seed 666, 50 epochs, the method's batch (128; PT 32), RDA on, simulation round 0, class names, generic prompts. */
    public static RunConfig defaults(String method, String strategy) {
        return new RunConfig(method, strategy, 0, 666, 50, 0, true, Round0Mode.SIMULATION, ClassNaming.NAME,
                PromptTemplates.GENERIC);
    }

    /** The batch size to train with: the configured one, else 32 for PT (CoOp) and 128 for the others. */
    public int effectiveBatchSize() {
        if (batchSize > 0) return batchSize;
        return method.equals("pt") ? 32 : 128;
    }

    public RunConfig withTuning(Tuning t) {
        return new RunConfig(method, strategy, budget, seed, epochs, batchSize, rda, round0, naming, templates, t);
    }

    /** Project setting: which class name the prompts use, "name" (default) or "most_common_name". */
    public static final String CLASS_NAMING_SETTING = Settings.CLASS_NAMING;
    /** Project setting: the prompt set, e.g. "birds" (default "generic"). */
    public static final String PROMPT_SET_SETTING = Settings.PROMPT_SET;

    /**
     * The defaults with the project's settings applied: {@link Settings#SEED}, {@link #CLASS_NAMING_SETTING},
     * {@link #PROMPT_SET_SETTING}. A malformed value fails naming the setting.
     */
    public static RunConfig fromSettings(Settings settings, String method, String strategy) {
        RunConfig c = defaults(method, strategy).withSeed(settings.getLong(Settings.SEED, 666));
        String naming = settings.getString(CLASS_NAMING_SETTING, "name").trim().toLowerCase(Locale.ROOT);
        c = switch (naming) {
            case "name" -> c.withNaming(ClassNaming.NAME);
            case "most_common_name" -> c.withNaming(ClassNaming.MOST_COMMON_NAME);
            default -> throw new IllegalArgumentException("setting '" + CLASS_NAMING_SETTING + "' = '" + naming
                    + "' is not name or most_common_name");
        };
        try {
            return c.withTemplates(PromptTemplates.parse(settings.getString(PROMPT_SET_SETTING, "generic")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting '" + PROMPT_SET_SETTING + "': " + e.getMessage(), e);
        }
    }

    public RunConfig withBudget(int b) {
        return new RunConfig(method, strategy, b, seed, epochs, batchSize, rda, round0, naming, templates, tuning);
    }

    public RunConfig withSeed(long s) {
        return new RunConfig(method, strategy, budget, s, epochs, batchSize, rda, round0, naming, templates, tuning);
    }

    public RunConfig withEpochs(int e) {
        return new RunConfig(method, strategy, budget, seed, e, batchSize, rda, round0, naming, templates, tuning);
    }

    public RunConfig withBatchSize(int b) {
        return new RunConfig(method, strategy, budget, seed, epochs, b, rda, round0, naming, templates, tuning);
    }

    public RunConfig withRda(boolean on) {
        return new RunConfig(method, strategy, budget, seed, epochs, batchSize, on, round0, naming, templates, tuning);
    }

    public RunConfig withRound0(Round0Mode mode) {
        return new RunConfig(method, strategy, budget, seed, epochs, batchSize, rda, mode, naming, templates, tuning);
    }

    public RunConfig withNaming(ClassNaming n) {
        return new RunConfig(method, strategy, budget, seed, epochs, batchSize, rda, round0, n, templates, tuning);
    }

    public RunConfig withTemplates(PromptTemplates t) {
        return new RunConfig(method, strategy, budget, seed, epochs, batchSize, rda, round0, naming, t, tuning);
    }

    public int budgetFor(int numClasses) {
        return budget > 0 ? budget : numClasses;
    }
}
