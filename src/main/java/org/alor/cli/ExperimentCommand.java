package org.alor.cli;

import org.alor.job.Phase;
import org.alor.loop.ExperimentSpec;
import org.alor.loop.ExperimentRunner;
import org.alor.loop.Project;
import org.alor.loop.RunOutcome;
import org.alor.loop.SlurmResources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

/** `alor experiment`: simulated runs of every method × strategy × RDA × seed, with tables and charts. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Simulate active learning with the oracle for every combination of methods, strategies, RDA",
                "settings and seeds; each run works in its own copy of the project under OUT/runs/ and resumes when",
                "restarted. Writes OUT/results.csv, OUT/per_class.csv, OUT/summary.md and PNG charts.",
                "On a cluster: --plan DIR lays the grid out with a Slurm job-array script (DIR/grid.sbatch), each task",
                "runs --run-task DIR I, and --collect DIR merges the finished runs into the same files."})
public final class ExperimentCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SessionOptions sessionOptions = new SessionOptions();

    @CommandLine.Mixin
    TrainingOptions training = new TrainingOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT_DIR", description = "The project (not with --collect or --run-task).")
    Path projectDir;

    @Option(names = "--strategies", split = ",", defaultValue = "tfs", description = "Comma-separated strategies (default ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(names = "--methods", split = ",", defaultValue = "lp", description = "Comma-separated methods: zeroshot, lp, ft, ct, pt (default ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--rda", split = ",", defaultValue = "on", description = "RDA settings: on, off or on,off (default ${DEFAULT-VALUE}).")
    List<String> rda;

    @Option(names = "--runs", split = ",", paramLabel = "METHOD:STRATEGY:on|off",
            description = "Only these combinations (each with every seed) instead of methods × strategies × RDA, e.g. ct:tfs:on,pt:random:off.")
    List<String> runs;

    @Option(names = "--rounds", defaultValue = "6", description = "Last round index; rounds 0..N are run (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--seeds", split = ",", defaultValue = "666,777,888", description = "Comma-separated seeds (default ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--budget", defaultValue = "0", description = "Images per round (default: the number of classes).")
    int budget;

    @Option(names = "--threads", defaultValue = "2", description = "Runs in parallel (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (runs every task here, one machine).")
    Path out;

    @Option(names = "--plan", paramLabel = "DIR", description = {"Lay the grid out in DIR without running it: a project copy,"
            + " run.json and run.sh per run, plan.json and the Slurm job-array script DIR/grid.sbatch."})
    Path plan;

    @Option(names = "--collect", paramLabel = "DIR", description = "Merge the finished runs of the plan in DIR into its tables"
            + " and charts; lists the runs not finished (safe while tasks run).")
    Path collect;

    @Option(names = "--run-task", arity = "2", paramLabel = "DIR I", hideParamSyntax = true, description = "Run (or continue) task I of the plan in DIR.")
    List<String> runTask;

    @CommandLine.ArgGroup(exclusive = false, heading = "Slurm job array (with --plan):%n")
    SlurmOptions slurm = new SlurmOptions();

    @Option(names = "--timings-from", paramLabel = "DIR", description = "Also estimate GPU-hours from the finished rounds of"
            + " this earlier experiment folder of the project (repeatable).")
    List<Path> timingsFrom = new ArrayList<>();

    static final class SlurmOptions {
        @Option(names = "--gpus", defaultValue = "1", paramLabel = "N", description = "GPUs per task (0 = none; default ${DEFAULT-VALUE}).")
        int gpus = 1;

        @Option(names = "--cpus", defaultValue = "4", paramLabel = "N", description = "CPUs per task (default ${DEFAULT-VALUE}).")
        int cpus = 4;

        @Option(names = "--mem", defaultValue = "16G", paramLabel = "SIZE", description = "Memory per task (default ${DEFAULT-VALUE}).")
        String mem = "16G";

        @Option(names = "--time", defaultValue = "24:00:00", paramLabel = "TIME", description = "Time limit per task (default ${DEFAULT-VALUE}).")
        String time = "24:00:00";

        @Option(names = "--max-parallel", defaultValue = "0", paramLabel = "K", description = "At most this many tasks at once (0 = no limit).")
        int maxParallel;

        SlurmResources resources(CommandLine cl) {
            try {
                return new SlurmResources(gpus, cpus, mem, time, maxParallel);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        PrintWriter stdout = cl.getOut();
        PrintWriter err = cl.getErr();
        int modes = (out != null ? 1 : 0) + (plan != null ? 1 : 0) + (collect != null ? 1 : 0) + (runTask != null ? 1 : 0);
        if (modes != 1) throw new CommandLine.ParameterException(cl, "give one of --out DIR, --plan DIR, --collect DIR or --run-task DIR I");
        if ((collect != null || runTask != null) && projectDir != null) {
            throw new CommandLine.ParameterException(cl, (collect != null ? "--collect" : "--run-task")
                    + " reads the project from DIR/plan.json; give no PROJECT_DIR");
        }
        if (projectDir == null && (out != null || plan != null)) throw new CommandLine.ParameterException(cl, "Missing required parameter: 'PROJECT_DIR'");
        ExperimentGrid grid = new ExperimentGrid(sessionOptions, stdout, err);
        if (collect != null) return grid.collect(collect, timingsFrom);
        if (runTask != null) return grid.runTask(cl, Path.of(runTask.get(0)), runTask.get(1));
        SlurmResources resources = slurm.resources(cl);
        List<String> m = new ArrayList<>();
        for (String x : methods) m.add(LoopOptions.method(cl, x).key());
        List<Boolean> r = new ArrayList<>();
        for (String x : rda) r.add(LoopOptions.onOff(cl, "--rda", x));
        List<ExperimentSpec.Combination> combinations = new ArrayList<>();
        for (String x : runs == null ? List.<String>of() : runs) {
            ExperimentSpec.Combination c;
            try {
                c = ExperimentSpec.Combination.parse(x);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--runs: " + e.getMessage());
            }
            combinations.add(new ExperimentSpec.Combination(LoopOptions.method(cl, c.method()).key(), c.strategy(), c.rda()));
        }
        try {
            List<RunOutcome> outcomes;
            // The source project stays open while the runs read its features through the session's backend.
            try (CancelOnInterrupt ctrlC = CancelOnInterrupt.install();
                 Project session = sessionOptions.open(projectDir)) {
                ExperimentSpec experiment = planOrUsage(cl, training.applyTo(cl, ExperimentSpec.builder().optPrecision(session.precision()))
                        .optProjectSettings(session.store().settings()).optMethods(m).optStrategies(strategies)
                        .optRda(r).optCombinations(combinations).optSeeds(seeds).optRounds(rounds).optBudget(budget)
                        .optThreads(threads));
                if (plan != null) return grid.plan(session, plan, experiment, resources, timingsFrom);
                ConsoleProgress bar = new ConsoleProgress("runs", err);
                outcomes = ExperimentRunner.inSession(session, out, experiment).withCancellation(ctrlC.token())
                        .withProgress(bar.following(Phase.EXPERIMENT)).run();
            }
            stdout.println(outcomes.size() + " runs × " + (rounds + 1) + " rounds; results in " + out.toAbsolutePath().normalize());
            stdout.println("  " + out.resolve("results.csv"));
            stdout.println("  " + out.resolve("summary.md"));
            return 0;
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (CancellationException e) {
            err.println("alor experiment: cancelled; run it again to continue");
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("alor experiment: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("alor experiment: interrupted");
            return 1;
        } finally {
            stdout.flush();
            err.flush();
        }
    }

    /** The experiment spec checks every value once; a bad one is a usage error carrying its message. */
    private static ExperimentSpec planOrUsage(CommandLine cl, ExperimentSpec.Builder plan) {
        try {
            return plan.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }
}
