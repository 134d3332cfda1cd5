package org.alor.loop;

import org.alor.adapt.PromptTemplates;

import java.util.List;
import java.util.Locale;

/**
 * The spec of an experiment job, validated once here (the CLI and the demo build the same type): which simulated runs it makes, rounds 0..{@code rounds} each: every method × strategy × RDA setting ×
 * seed, or (with {@code only}) just the listed method/strategy/RDA combinations × every seed, e.g. the demo's
 * "CT + TFS with RDA" against "PT + random without RDA".
 *
 * @param budget  per round; 0 = the number of classes
 * @param batchSize 0 = each method's default (128; PT 32)
 * @param threads runs in parallel (each holds its own copy of the project and the features it reads)
 * @param tuning  FT/CT/PT learning-rate and precision overrides
 * @param only    the combinations to run instead of the full cross product (empty = all); their methods,
 *                strategies and RDA settings must be among {@code methods}, {@code strategies} and {@code rda}
 */
public record ExperimentPlan(List<String> methods, List<String> strategies, List<Boolean> rda, List<Long> seeds,
                             int rounds, int budget, int epochs, int batchSize, ClassNaming naming,
                             PromptTemplates templates, int threads, Tuning tuning, List<Combination> only) {
    public ExperimentPlan(List<String> methods, List<String> strategies, List<Boolean> rda, List<Long> seeds,
                          int rounds, int budget, int epochs, int batchSize, ClassNaming naming,
                          PromptTemplates templates, int threads, Tuning tuning) {
        this(methods, strategies, rda, seeds, rounds, budget, epochs, batchSize, naming, templates, threads, tuning, List.of());
    }

    public ExperimentPlan(List<String> methods, List<String> strategies, List<Boolean> rda, List<Long> seeds,
                          int rounds, int budget, int epochs, int batchSize, ClassNaming naming,
                          PromptTemplates templates, int threads) {
        this(methods, strategies, rda, seeds, rounds, budget, epochs, batchSize, naming, templates, threads, Tuning.DEFAULTS);
    }

    public ExperimentPlan {
        if (tuning == null) tuning = Tuning.DEFAULTS;
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
        only = only == null ? List.of() : List.copyOf(only);
        for (Combination c : only) {
            if (!methods.contains(c.method()) || !strategies.contains(c.strategy()) || !rda.contains(c.rda())) {
                throw new IllegalArgumentException("combination " + c + " is not among the plan's methods, strategies and RDA settings");
            }
        }
    }

    /** A plan of just these combinations, each with every seed; methods, strategies and RDA come from them. */
    public static ExperimentPlan of(List<Combination> combinations, List<Long> seeds, int rounds, int budget, int epochs,
                                    int batchSize, ClassNaming naming, PromptTemplates templates, int threads, Tuning tuning) {
        if (combinations.isEmpty()) throw new IllegalArgumentException("an experiment needs at least one combination");
        return new ExperimentPlan(distinct(combinations.stream().map(Combination::method).toList()),
                distinct(combinations.stream().map(Combination::strategy).toList()),
                distinct(combinations.stream().map(Combination::rda).toList()), seeds, rounds, budget, epochs, batchSize,
                naming, templates, threads, tuning, combinations);
    }

    private static <T> List<T> distinct(List<T> values) {
        return values.stream().distinct().toList();
    }

    /** One method + strategy + RDA setting, run with every seed of the plan. */
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

    /** One run of the plan. */
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
                .optNaming(naming).optTemplates(templates).optPrecision(tuning.precision());
        if (batchSize > 0) b.optBatchSize(batchSize);
        if (tuning.encoderLr() > 0) b.optEncoderLr(tuning.encoderLr());
        if (tuning.headLr() > 0) b.optHeadLr(tuning.headLr());
        return b.build();
    }
}
