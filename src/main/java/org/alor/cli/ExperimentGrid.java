package org.alor.cli;

import org.alor.loop.ExperimentRunner;
import org.alor.loop.ExperimentSpec;
import org.alor.loop.GridCollector;
import org.alor.loop.GridPlan;
import org.alor.loop.GridPlanner;
import org.alor.loop.GridTask;
import org.alor.loop.Project;
import org.alor.loop.RoundTimes;
import org.alor.loop.SlurmBatchScript;
import org.alor.loop.SlurmResources;
import org.alor.store.ProjectStore;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;

/** The grid paths of `alor experiment`: --plan, --run-task and --collect (the work is in loop's Grid* classes). */
final class ExperimentGrid {
    private final SessionOptions session;
    private final PrintWriter out;
    private final PrintWriter err;

    ExperimentGrid(SessionOptions session, PrintWriter out, PrintWriter err) {
        this.session = session;
        this.out = out;
        this.err = err;
    }

    /** Caches the features tasks read, lays the grid out, writes the Slurm script and prints how to go on. */
    int plan(Project source, Path dir, ExperimentSpec spec, SlurmResources resources, List<Path> timingsFrom) throws IOException {
        List<String> problems = GridPlanner.cacheFeatures(source.store(), source.backend().featureSource(source.store()));
        for (String p : problems) err.println("warning: features not cached (" + p + "); tasks that need them will fail");
        GridPlan plan = GridPlanner.layOut(source.store(), dir, spec, GridPlan.currentLauncher());
        Path script = SlurmBatchScript.write(plan, dir, resources).toAbsolutePath().normalize();
        int n = plan.runs().size();
        Path abs = dir.toAbsolutePath().normalize();
        out.println("Planned " + n + " runs × " + (spec.rounds() + 1) + " rounds (tasks 0.." + (n - 1) + ") in " + abs);
        out.println("  " + abs.resolve(GridPlan.FILE) + "; per run: runs/<name>/ (project copy, run.json, run.sh)");
        out.println("  Slurm:   sbatch " + script + "   (per task: " + (resources.gpus() > 0 ? resources.gpus() + " GPU, " : "no GPU, ")
                + resources.cpus() + (resources.cpus() == 1 ? " CPU, " : " CPUs, ") + resources.memory() + ", " + resources.time() + "; logs in " + abs.resolve("logs") + ")");
        out.println("  Watch:   squeue --me");
        List<String> command = plan.taskCommand(abs, 0);
        out.println("  Without Slurm: for i in $(seq 0 " + (n - 1) + "); do " + String.join(" ", command.subList(0, command.size() - 1))
                + " $i; done");
        out.println("  Collect: " + GridPlan.currentLauncher() + " experiment --collect " + abs);
        out.println(estimate(dir, timingsFrom, RoundTimes.roundsOf(plan.runs(), spec.rounds() + 1), spec.epochs()));
        return 0;
    }

    /** Runs task I on a read-only session of the plan's source project (tasks share it; each writes only its copy). */
    int runTask(CommandLine cl, Path dir, String index) {
        int i;
        try {
            i = Integer.parseInt(index.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(cl, "--run-task DIR I: '" + index + "' is not a task number");
        }
        try {
            GridPlan plan = GridPlan.read(dir);
            GridTask task = new GridTask(dir, plan, i);
            try (CancelOnInterrupt ctrlC = CancelOnInterrupt.install();
                 ProjectStore source = ProjectStore.openReadOnly(plan.project());
                 Project shared = Project.on(source).optDevice(session.device).optBackend(session.backends)
                         .optPrecision(plan.spec().precision()).build()) {
                ExperimentRunner runner = ExperimentRunner.inSession(shared, dir, plan.spec())
                        .withCancellation(ctrlC.token()).withProgress(new TaskLog(out));
                task.runWith(runner, out, who());
            }
            return 0;
        } catch (CancellationException e) {
            err.println("alor experiment: task " + i + " cancelled; start it again to continue");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("alor experiment: task " + i + " interrupted; start it again to continue");
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("alor experiment: task " + i + ": " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Merges the finished runs; lists the others with their state and log tail, and what is left to run. */
    int collect(Path dir, List<Path> timingsFrom) {
        try {
            GridCollector.Collection c = GridCollector.collect(dir);
            int n = c.plan().runs().size();
            Path abs = dir.toAbsolutePath().normalize();
            out.println("Collected " + c.finished().size() + " of " + n + " runs into " + abs + " (results.csv, per_class.csv,"
                    + " summary.md, charts)");
            Map<String, Integer> left = new TreeMap<>();
            for (GridCollector.Unfinished u : c.unfinished()) {
                out.println("  task " + u.task() + " " + u.run().name() + ": " + u.state());
                for (String line : u.logTail()) out.println("    | " + line);
                left.merge(u.run().method(), c.plan().spec().rounds() + 1, Integer::sum);
            }
            if (c.complete()) {
                out.println("All runs finished.");
            } else {
                out.println(c.unfinished().size() + " run(s) not finished; start their tasks again (they continue), then collect again.");
                out.println(estimate(dir, timingsFrom, left, c.plan().spec().epochs()).replace("GPU-hours estimate:",
                        "GPU-hours estimate for the unfinished runs (at most):"));
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("alor experiment: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static String estimate(Path dir, List<Path> timingsFrom, Map<String, Integer> rounds, int epochs) throws IOException {
        List<Path> sources = new ArrayList<>();
        sources.add(dir.toAbsolutePath().normalize());
        timingsFrom.forEach(p -> sources.add(p.toAbsolutePath().normalize()));
        return RoundTimes.measuredIn(sources).estimate(rounds, epochs);
    }

    /** Host, pid and the Slurm array task when there is one, for task.json and the log. */
    private static String who() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        String who = host + ", pid " + ManagementFactory.getRuntimeMXBean().getPid();
        String job = System.getenv("SLURM_ARRAY_JOB_ID");
        if (job != null) {
            who += ", Slurm job " + job + "_" + System.getenv("SLURM_ARRAY_TASK_ID") + " (restart "
                    + System.getenv().getOrDefault("SLURM_RESTART_COUNT", "0") + ")";
        }
        return who;
    }
}
