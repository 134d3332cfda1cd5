package org.alor.loop;

import org.alor.adapt.PromptTemplates;
import org.alor.select.RandomStrategy;
import org.alor.store.CheckpointRecipe;
import org.alor.store.Settings;

import java.util.List;
import java.util.Locale;

/**
 * The spec of an experiment job, built with {@link #builder()} and validated once (the CLI and the demo build the
 * same type): which simulated runs it makes, rounds 0..{@code rounds} each: every method × strategy × RDA setting ×
 * seed, or (with {@code only}) just the listed method/strategy/RDA combinations × every seed, e.g. the demo's
 * "CT + TFS with RDA" against "PT + random without RDA".
 *
 * @param budget    per round; 0 = the number of classes
 * @param batchSize 0 = each method's default (128; PT 32)
 * @param threads   runs in parallel (each holds its own copy of the project and the features it reads)
 * @param encoderLr FT/CT tower learning rate for every run; 0 = each method's default
 * @param headLr    head learning rate (LP/FT head, FT log-scale, CT temperature, PT contexts); 0 = each method's default
 * @param precision the number format every run trains in
 * @param only      the combinations to run instead of the full cross product (empty = all); their methods,
 *                  strategies and RDA settings are among {@code methods}, {@code strategies} and {@code rda}
 */
public record ExperimentSpec(List<String> methods, List<String> strategies, List<Boolean> rda, List<Long> seeds,
                             int rounds, int budget, int epochs, int batchSize, ClassNaming naming,
                             PromptTemplates templates, int threads, double encoderLr, double headLr,
                             Precision precision, List<Combination> only) {
    public ExperimentSpec {
        methods = methods.stream().map(m -> m.trim().toLowerCase(Locale.ROOT)).toList();
        strategies = strategies.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        rda = List.copyOf(rda);
        seeds = List.copyOf(seeds);
        if (methods.isEmpty() || strategies.isEmpty() || rda.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one method, strategy, RDA setting and seed");
        }
        if (rounds < 0) throw new IllegalArgumentException("rounds must not be negative");
        if (budget < 0) throw new IllegalArgumentException("budget must not be negative (0 = the number of classes)");
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1");
        if (batchSize < 0) throw new IllegalArgumentException("batch size must be at least 1 (or 0 for the method's default)");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (!(encoderLr >= 0) || !(headLr >= 0)) throw new IllegalArgumentException("learning rates must be positive");
        if (precision == null) throw new IllegalArgumentException("an experiment needs a precision");
        only = only == null ? List.of() : List.copyOf(only);
        for (Combination c : only) {
            if (!methods.contains(c.method()) || !strategies.contains(c.strategy()) || !rda.contains(c.rda())) {
                throw new IllegalArgumentException("combination " + c + " is not among the experiment's methods, strategies and RDA settings");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static <T> List<T> distinct(List<T> values) {
        return values.stream().distinct().toList();
    }

    /** One method + strategy + RDA setting, run with every seed of the experiment. */
    public record Combination(String method, String strategy, boolean rda) {
        public Combination {
            method = method.trim().toLowerCase(Locale.ROOT);
            strategy = strategy.trim().toLowerCase(Locale.ROOT);
        }

        /** {@code method:strategy:on|off}, e.g. {@code ct:tfs:on}. */
        public static Combination parse(String text) {
            String[] parts = text.trim().split(":");
            if (parts.length != 3 || !(parts[2].equalsIgnoreCase("on") || parts[2].equalsIgnoreCase("off"))) {
                throw new IllegalArgumentException("'" + text + "' is not METHOD:STRATEGY:on|off (e.g. ct:tfs:on)");
            }
            return new Combination(parts[0], parts[1], parts[2].equalsIgnoreCase("on"));
        }

        /** The folder name under {@code runs/} of this combination's run with {@code seed}. */
        public String runName(long seed) {
            return method + "-" + strategy + "-rda" + (rda ? "on" : "off") + "-seed" + seed;
        }

        @Override
        public String toString() {
            return method + ":" + strategy + ":" + (rda ? "on" : "off");
        }
    }

    /** One run of the experiment. */
    public record Run(String method, String strategy, boolean rda, long seed) {
        /** Folder name under {@code runs/}: {@code <method>-<strategy>-rda<on|off>-seed<S>}. */
        public String name() {
            return combination().runName(seed);
        }

        public Combination combination() {
            return new Combination(method, strategy, rda);
        }

        /** The run without its seed: the unit mean ± std is taken over. */
        public String group() {
            return method + "|" + strategy + "|" + (rda ? "on" : "off");
        }
    }

    /** Every run, in plan order (method, strategy, RDA, seed; or the listed combinations' order, then seed). */
    public List<Run> runs() {
        List<Run> out = new java.util.ArrayList<>();
        if (!only.isEmpty()) {
            for (Combination c : only) for (long seed : seeds) out.add(new Run(c.method(), c.strategy(), c.rda(), seed));
            return out;
        }
        for (String m : methods) for (String s : strategies) for (boolean r : rda) for (long seed : seeds) out.add(new Run(m, s, r, seed));
        return out;
    }

    /** The spec of every round of {@code run}; fails on an unknown method or strategy or a bad setting. */
    public RoundSpec config(Run run) {
        RoundSpec.Builder b = RoundSpec.builder(Method.parse(run.method()), run.strategy()).optSeed(run.seed())
                .optBudget(budget).optEpochs(epochs).optRda(run.rda()).optRound0(Round0Mode.SIMULATION)
                .optNaming(naming).optTemplates(templates).optPrecision(precision);
        if (batchSize > 0) b.optBatchSize(batchSize);
        if (encoderLr > 0) b.optEncoderLr(encoderLr);
        if (headLr > 0) b.optHeadLr(headLr);
        return b.build();
    }

    /**
     * Builds an {@link ExperimentSpec}: a grid ({@code optMethods}/{@code optStrategies}/{@code optRda}) or listed
     * combinations ({@code optCombinations}). Unset values: LP, TFS, RDA on, seeds 666/777/888, rounds 0..6, budget =
     * the number of classes, the methods' batch sizes and learning rates, fp32, 2 runs in parallel; epochs, learning
     * rates, class naming and prompt set from the project's settings (the checkpoint's recipe) when given, else the
     * paper's 50 epochs, class names and the generic prompts.
     * {@link #build()} also checks every run's {@link RoundSpec}, so a bad method or strategy fails before any run.
     */
    public static final class Builder implements TrainingSettingsBuilder<Builder> {
        private List<String> methods = List.of("lp");
        private List<String> strategies = List.of("tfs");
        private List<Boolean> rda = List.of(true);
        private List<Combination> combinations = List.of();
        private List<Long> seeds = List.of(666L, 777L, 888L);
        private int rounds = 6;
        private int budget;
        private Integer epochs;
        private int batchSize;
        private ClassNaming naming;
        private PromptTemplates templates;
        private int threads = 2;
        private Double encoderLr;
        private Double headLr;
        private Precision precision = Precision.FP32;
        private Settings settings;

        private Builder() {
        }

        public Builder optMethods(List<String> m) {
            this.methods = m;
            return this;
        }

        public Builder optStrategies(List<String> s) {
            this.strategies = s;
            return this;
        }

        public Builder optRda(List<Boolean> r) {
            this.rda = r;
            return this;
        }

        /** Only these combinations (each with every seed); they replace the methods × strategies × RDA grid. */
        public Builder optCombinations(List<Combination> c) {
            this.combinations = c;
            return this;
        }

        public Builder optSeeds(List<Long> s) {
            this.seeds = s;
            return this;
        }

        /** The last round index: rounds 0..n are run. */
        public Builder optRounds(int n) {
            this.rounds = n;
            return this;
        }

        /** Images per round; 0 = the number of classes. */
        public Builder optBudget(int b) {
            this.budget = b;
            return this;
        }

        public Builder optEpochs(int e) {
            this.epochs = e;
            return this;
        }

        /** 0 = each method's default. */
        public Builder optBatchSize(int b) {
            this.batchSize = b;
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

        /** Runs in parallel. */
        public Builder optThreads(int t) {
            this.threads = t;
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

        /** The project's recipe (epochs, learning rates) and prompt set fill what is not set. */
        public Builder optProjectSettings(Settings s) {
            this.settings = s;
            return this;
        }

        public ExperimentSpec build() {
            if (encoderLr != null && !(encoderLr > 0)) throw new IllegalArgumentException("the encoder learning rate must be positive");
            if (headLr != null && !(headLr > 0)) throw new IllegalArgumentException("the head learning rate must be positive");
            List<Combination> only = combinations == null ? List.of() : combinations;
            List<String> m = only.isEmpty() ? methods : distinct(only.stream().map(Combination::method).toList());
            List<String> s = only.isEmpty() ? strategies : distinct(only.stream().map(Combination::strategy).toList());
            List<Boolean> r = only.isEmpty() ? rda : distinct(only.stream().map(Combination::rda).toList());
            // the project's defaults, read the way a round reads them
            RoundSpec project = RoundSpec.builder(Method.LP, RandomStrategy.NAME).optProjectSettings(settings).build();
            ExperimentSpec plan = new ExperimentSpec(m, s, r, seeds, rounds, budget,
                    epochs != null ? epochs : project.epochs(), batchSize, naming != null ? naming : project.naming(),
                    templates != null ? templates : project.templates(), threads, encoderLr != null ? encoderLr : settingsDouble(CheckpointRecipe.LR_ENCODER),
                    headLr != null ? headLr : settingsDouble(CheckpointRecipe.LR_HEAD), precision, only);
            plan.runs().forEach(plan::config);
            return plan;
        }

        /** The recorded value, or 0 (each method's default). */
        private double settingsDouble(String key) {
            return settings == null ? 0 : settings.getDouble(key).orElse(0.0);
        }
    }
}
