package org.alor.loop;

import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * One task of a laid-out grid ({@code alor experiment --run-task DIR I}): says what it starts or resumes, runs (or
 * continues) its run in its project copy and records how it ended in {@code task.json}. Starting it again after a
 * kill, a cancel or a requeue continues the run: finished rounds are kept and an unfinished one resumes from the
 * step (and, for FT/CT/PT, the epoch) it reached.
 */
public final class GridTask {
    private final Path dir;
    private final GridPlan plan;
    private final int index;

    public GridTask(Path dir, GridPlan plan, int index) {
        this.dir = dir.toAbsolutePath().normalize();
        this.plan = plan;
        this.index = index;
        plan.run(index, dir); // fails on a task outside the plan
    }

    public ExperimentSpec.Run run() {
        return plan.run(index, dir);
    }

    /** Runs the task with {@code runner} (wired to the source project); {@code who} says where it runs. */
    public RunOutcome runWith(ExperimentRunner runner, PrintWriter log, String who) throws InterruptedException, IOException {
        ExperimentSpec.Run r = run();
        Path runDir = GridPlan.runDir(dir, r);
        int attempt = GridTaskStatus.read(runDir).map(s -> s.attempt() + 1).orElse(1);
        log.println("task " + index + " of " + plan.runs().size() + ": " + r.name() + " (attempt " + attempt + ", " + who + ")");
        log.println(startLine(runDir));
        log.flush();
        new GridTaskStatus(GridTaskStatus.RUNNING, attempt, who, Instant.now(), "").write(runDir);
        try {
            RunOutcome outcome = runner.runTask(index);
            new GridTaskStatus(GridTaskStatus.DONE, attempt, who, Instant.now(), "").write(runDir);
            log.println("task " + index + ": " + r.name() + " finished rounds 0.." + plan.spec().rounds());
            return outcome;
        } catch (CancellationException | InterruptedException e) {
            new GridTaskStatus(GridTaskStatus.CANCELLED, attempt, who, Instant.now(), "cancelled; start the task again to continue")
                    .write(runDir);
            throw e;
        } catch (RuntimeException e) {
            new GridTaskStatus(GridTaskStatus.FAILED, attempt, who, Instant.now(), String.valueOf(e.getMessage())).write(runDir);
            throw e;
        } finally {
            log.flush();
        }
    }

    /** What the task finds in its project copy: a fresh start, rounds it keeps and the round it continues, or nothing left. */
    String startLine(Path runDir) {
        if (!Files.exists(runDir.resolve(ProjectStore.DATABASE_FILE))) return "no project copy yet";
        int last = plan.spec().rounds();
        try (ProjectStore store = ProjectStore.openReadOnly(runDir)) {
            List<RoundRecord> rounds = store.roundTable().all().stream().filter(x -> x.index() <= last).toList();
            int done = RunOutcomes.roundsDone(store, last);
            if (done == last + 1) return "already finished: rounds 0.." + last + " are done; nothing to run";
            if (rounds.isEmpty()) return "starting: round 0 of 0.." + last;
            StringBuilder sb = new StringBuilder("resuming: ");
            sb.append(done == 0 ? "no round finished yet" : (done == 1 ? "round 0 done and kept" : "rounds 0.." + (done - 1) + " done and kept"));
            RoundRecord open = rounds.stream().filter(x -> x.status() != RoundStatus.DONE).findFirst().orElse(null);
            if (open != null) {
                sb.append("; round ").append(open.index()).append(" continues from its saved step (")
                        .append(open.status().name().toLowerCase(Locale.ROOT)).append(')');
            } else {
                sb.append("; next is round ").append(done);
            }
            return sb.toString();
        }
    }
}
