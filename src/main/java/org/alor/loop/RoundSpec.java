package org.alor.loop;

import org.alor.adapt.PromptTemplates;
import org.alor.select.Strategies;
import org.alor.store.CheckpointRecipe;
import org.alor.store.Settings;

import java.util.Locale;

/**
 * The settings of an active-learning round (and of every round of a run), checked once in {@link Builder#build()}.
 * Unset values are the method's paper defaults (docs/method.md §3, §5) or the project's settings.
 *
 * @param method    adaptation method
 * @param strategy  selection strategy name (see {@link Strategies#NAMES}), lower case
 * @param budget    images to select per round; 0 = the number of classes (docs/method.md §3 default)
 * @param seed      seeds round 0, training shuffles and random strategies
 * @param epochs    training epochs per round
 * @param batchSize training batch size
 * @param rda       train on the retrieved images too (RDA on) or ignore them (off)
 * @param round0    how round 0's labeled set comes about
 * @param naming    which class name the prompts use
 * @param templates the prompt templates
 * @param encoderLr base learning rate of the trained tower(s) (FT image tower, CT both towers; else unused)
 * @param headLr    base learning rate of the head (LP/FT head, FT log-scale, CT temperature, PT contexts)
 * @param precision the number format training runs in
 */
public record RoundSpec(Method method, String strategy, int budget, long seed, int epochs, int batchSize, boolean rda,
                        Round0Mode round0, ClassNaming naming, PromptTemplates templates, double encoderLr,
                        double headLr, Precision precision) {
    public static final long DEFAULT_SEED = 666;

    public static Builder builder(Method method, String strategy) {
        return new Builder(method, strategy);
    }

    /** A builder holding this spec's values, to derive a variant. */
    public Builder toBuilder() {
        return toBuilder(method, strategy);
    }

    /** A builder holding this spec's values but another method and strategy (e.g. to continue a stored round). */
    public Builder toBuilder(Method otherMethod, String otherStrategy) {
        Builder b = builder(otherMethod, otherStrategy).optBudget(budget).optSeed(seed).optEpochs(epochs)
                .optBatchSize(batchSize).optRda(rda).optRound0(round0).optNaming(naming).optTemplates(templates)
                .optPrecision(precision);
        // a rate this method does not use is 0 and stays unset, so another method gets its own default
        if (otherMethod == method && encoderLr > 0) b.optEncoderLr(encoderLr);
        if (otherMethod == method && headLr > 0) b.optHeadLr(headLr);
        return b;
    }

    public int budgetFor(int numClasses) {
        return budget > 0 ? budget : numClasses;
    }

    /** Builds a {@link RoundSpec}; {@code opt…} values override the project settings and the defaults. */
    public static final class Builder implements TrainingSettingsBuilder<Builder> {
        private final Method method;
        private final String strategy;
        private Settings settings;
        private Integer budget;
        private Long seed;
        private Integer epochs;
        private Integer batchSize;
        private boolean rda = true;
        private Round0Mode round0 = Round0Mode.SIMULATION;
        private ClassNaming naming;
        private PromptTemplates templates;
        private Double encoderLr;
        private Double headLr;
        private Precision precision = Precision.FP32;

        private Builder(Method method, String strategy) {
            if (method == null) throw new IllegalArgumentException("a round needs a method");
            this.method = method;
            this.strategy = strategy == null ? null : strategy.trim().toLowerCase(Locale.ROOT);
        }

        /**
         * The project's settings fill what is not set: {@link Settings#SEED}, {@link Settings#CLASS_NAMING} and
         * {@link Settings#PROMPT_SET}. A malformed value fails naming the setting.
         */
        public Builder optProjectSettings(Settings s) {
            this.settings = s;
            return this;
        }

        /** 0 = the number of classes. */
        public Builder optBudget(int b) {
            this.budget = b;
            return this;
        }

        public Builder optSeed(long s) {
            this.seed = s;
            return this;
        }

        public Builder optEpochs(int e) {
            this.epochs = e;
            return this;
        }

        public Builder optBatchSize(int b) {
            this.batchSize = b;
            return this;
        }

        public Builder optRda(boolean on) {
            this.rda = on;
            return this;
        }

        public Builder optRound0(Round0Mode mode) {
            this.round0 = mode;
            return this;
        }

        public Builder optNaming(ClassNaming n) {
            this.naming = n;
            return this;
        }

        public Builder optTemplates(PromptTemplates t) {
            this.templates = t;
            return this;
        }

        public Builder optEncoderLr(double lr) {
            this.encoderLr = lr;
            return this;
        }

        public Builder optHeadLr(double lr) {
            this.headLr = lr;
            return this;
        }

        public Builder optPrecision(Precision p) {
            this.precision = p;
            return this;
        }

        public RoundSpec build() {
            if (strategy == null || strategy.isEmpty()) throw new IllegalArgumentException("a round needs a selection strategy");
            Strategies.byName(strategy);
            if (budget != null && budget < 0) throw new IllegalArgumentException("budget must be at least 1 (or 0 for the number of classes)");
            if (epochs != null && epochs < 1) throw new IllegalArgumentException("epochs must be at least 1");
            if (batchSize != null && batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1");
            if (encoderLr != null && !(encoderLr > 0)) throw new IllegalArgumentException("the encoder learning rate must be positive");
            if (headLr != null && !(headLr > 0)) throw new IllegalArgumentException("the head learning rate must be positive");
            if (precision == null || round0 == null) throw new IllegalArgumentException("precision and round-0 mode must be set");
            precision.requireAvailable(method);
            return new RoundSpec(method, strategy, budget == null ? 0 : budget, seed == null ? settingsSeed() : seed,
                    epochs == null ? settingsInt(CheckpointRecipe.EPOCHS, method.defaultEpochs()) : epochs,
                    batchSize == null ? method.defaultBatchSize() : batchSize, rda, round0,
                    naming == null ? settingsNaming() : naming, templates == null ? settingsTemplates() : templates,
                    encoderLr == null ? settingsDouble(CheckpointRecipe.LR_ENCODER, method.defaultEncoderLr()) : encoderLr,
                    headLr == null ? settingsDouble(CheckpointRecipe.LR_HEAD, method.defaultHeadLr()) : headLr, precision);
        }

        /** A value of the recipe recorded with the project's checkpoint (recipe.json), else the method's default. */
        private int settingsInt(String key, int fallback) {
            return settings == null ? fallback : settings.getInt(key, fallback);
        }

        private double settingsDouble(String key, double fallback) {
            return settings == null ? fallback : settings.getDouble(key).orElse(fallback);
        }

        private long settingsSeed() {
            return settings == null ? DEFAULT_SEED : settings.getLong(Settings.SEED, DEFAULT_SEED);
        }

        private ClassNaming settingsNaming() {
            if (settings == null) return ClassNaming.NAME;
            String n = settings.getString(Settings.CLASS_NAMING, "name").trim().toLowerCase(Locale.ROOT);
            return switch (n) {
                case "name" -> ClassNaming.NAME;
                case "most_common_name" -> ClassNaming.MOST_COMMON_NAME;
                default -> throw new IllegalArgumentException("setting '" + Settings.CLASS_NAMING + "' = '" + n
                        + "' is not name or most_common_name");
            };
        }

        private PromptTemplates settingsTemplates() {
            if (settings == null) return PromptTemplates.GENERIC;
            try {
                return PromptTemplates.parse(settings.getString(Settings.PROMPT_SET, "generic"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("setting '" + Settings.PROMPT_SET + "': " + e.getMessage(), e);
            }
        }
    }
}
