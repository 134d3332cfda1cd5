package org.alor.loop;

import org.alor.adapt.PromptTemplates;

import java.util.List;
import java.util.Locale;

/**
 * Which simulated runs an experiment makes: every method × strategy × RDA setting × seed, rounds 0..{@code rounds}.
 *
 * @param budget  per round; 0 = the number of classes
 * @param batchSize 0 = each method's default (128; PT 32)
 * @param threads runs in parallel (each holds its own copy of the project and the features it reads)
 * @param tuning  FT/CT/PT learning-rate and precision overrides
 */
public record ExperimentPlan(List<String> methods, List<String> strategies, List<Boolean> rda, List<Long> seeds,
                             int rounds, int budget, int epochs, int batchSize, ClassNaming naming,
                             PromptTemplates templates, int threads, Tuning tuning) {
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
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
    }

    /** One run of the plan. */
    public record Run(String method, String strategy, boolean rda, long seed) {
        /** Folder name under {@code runs/}: {@code <method>-<strategy>-rda<on|off>-seed<S>}. */
        public String name() {
            return method + "-" + strategy + "-rda" + (rda ? "on" : "off") + "-seed" + seed;
        }

        /** The run without its seed: the unit mean ± std is taken over. */
        public String group() {
            return method + "|" + strategy + "|" + (rda ? "on" : "off");
        }
    }

    /** Every run, in plan order (method, strategy, RDA, seed). */
    public List<Run> runs() {
        List<Run> out = new java.util.ArrayList<>();
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
