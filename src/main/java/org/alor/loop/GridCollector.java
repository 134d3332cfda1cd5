package org.alor.loop;

import org.alor.data.ClassInfo;
import org.alor.store.ProjectStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code alor experiment --collect DIR}: merges the runs of a laid-out grid that have finished every round into the
 * experiment's tables and charts, written by the same {@link ExperimentReport} as the one-machine path, and tells
 * which runs are not finished and why. It only reads the run copies and replaces the report files atomically, so it
 * may run any number of times, also while tasks still run.
 */
public final class GridCollector {
    static final int LOG_TAIL_LINES = 10;

    /** A run that has not finished every round: its task, state in words and the end of its log. */
    public record Unfinished(int task, ExperimentSpec.Run run, String state, List<String> logTail) {
    }

    /** What a collect found: the finished outcomes (in plan order) and the runs still missing. */
    public record Collection(GridPlan plan, List<RunOutcome> finished, List<Unfinished> unfinished) {
        public boolean complete() {
            return unfinished.isEmpty();
        }
    }

    private GridCollector() {
    }

    public static Collection collect(Path dir) throws IOException {
        GridPlan plan = GridPlan.read(dir);
        List<ExperimentSpec.Run> runs = plan.runs();
        int last = plan.spec().rounds();
        List<RunOutcome> finished = new ArrayList<>();
        List<Unfinished> unfinished = new ArrayList<>();
        List<ClassInfo> classes = null;
        for (int i = 0; i < runs.size(); i++) {
            ExperimentSpec.Run r = runs.get(i);
            Path runDir = GridPlan.runDir(dir, r);
            if (!Files.isRegularFile(runDir.resolve(ProjectStore.DATABASE_FILE))) {
                unfinished.add(new Unfinished(i, r, "missing: no project copy at " + runDir + " (plan the grid again)", logTail(dir, i)));
                continue;
            }
            int done;
            Optional<RunOutcome> outcome;
            try (ProjectStore store = ProjectStore.openReadOnly(runDir)) {
                if (classes == null) classes = store.classTable().all();
                outcome = RunOutcomes.finished(store, r, last);
                done = RunOutcomes.roundsDone(store, last);
            } catch (RuntimeException e) {
                unfinished.add(new Unfinished(i, r, "unreadable project copy: " + e.getMessage(), logTail(dir, i)));
                continue;
            }
            if (outcome.isPresent()) {
                finished.add(outcome.get());
            } else {
                unfinished.add(new Unfinished(i, r, state(runDir, done, last), logTail(dir, i)));
            }
        }
        if (classes == null) {
            try (ProjectStore source = ProjectStore.openReadOnly(plan.project())) {
                classes = source.classTable().all();
            }
        }
        new ExperimentReport(plan.spec(), classes, finished, plan.project()).writeTo(dir);
        return new Collection(plan, finished, unfinished);
    }

    private static String state(Path runDir, int done, int last) {
        String rounds = done + " of " + (last + 1) + " rounds done";
        Optional<GridTaskStatus> status = GridTaskStatus.read(runDir);
        if (status.isEmpty()) return done == 0 ? "not started" : "unfinished (" + rounds + ")";
        GridTaskStatus s = status.get();
        String where = " (attempt " + s.attempt() + ", " + s.who() + ", " + s.updated() + ")";
        return switch (s.state()) {
            case GridTaskStatus.FAILED -> "failed: " + s.message() + "; " + rounds + where;
            case GridTaskStatus.CANCELLED -> "cancelled; " + rounds + where;
            case GridTaskStatus.RUNNING -> "running, or killed without a word; " + rounds + where;
            default -> s.state() + "; " + rounds + where;
        };
    }

    /** The last lines of the task's log ({@code logs/task-<i>.log}), empty when there is none. */
    static List<String> logTail(Path dir, int task) {
        Path log = GridPlan.logFile(dir, task);
        if (!Files.isRegularFile(log)) return List.of();
        try {
            List<String> lines = List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\r?\n|\r"));
            return lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        } catch (IOException e) {
            return List.of("(log unreadable: " + e.getMessage() + ")");
        }
    }
}
