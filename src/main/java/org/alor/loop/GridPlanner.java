package org.alor.loop;

import org.alor.data.AtomicFiles;
import org.alor.data.Split;
import org.alor.store.ProjectStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lays an experiment out in a folder, for the one-machine runner and a scheduler alike: per run its own copy of the
 * project database ({@code runs/<name>/project.alor}, kept when it exists, so a run resumes), its {@code run.json}
 * (seed, settings, the command that runs it) and {@code run.sh}; then {@code plan.json}.
 */
public final class GridPlanner {
    private GridPlanner() {
    }

    /** Checks the source project, then writes the layout; returns the plan. */
    public static GridPlan layOut(ProjectStore source, Path dir, ExperimentSpec spec, String launcher) throws IOException {
        requireFresh(source);
        requireRetrievedWhereRdaIsOn(source, spec);
        Path abs = dir.toAbsolutePath().normalize();
        GridPlan plan = new GridPlan(source.dir(), spec, launcher);
        List<ExperimentSpec.Run> runs = spec.runs();
        for (int i = 0; i < runs.size(); i++) {
            Path runDir = GridPlan.runDir(abs, runs.get(i));
            if (!Files.exists(runDir.resolve(ProjectStore.DATABASE_FILE))) source.copyDatabaseTo(runDir);
            String json = GridPlan.toJson(plan.runJson(abs, i, runs.get(i)));
            AtomicFiles.write(runDir.resolve(GridPlan.RUN_FILE), w -> w.write(json));
            writeRunScript(runDir.resolve(GridPlan.RUN_SCRIPT), plan.taskCommand(abs, i));
        }
        plan.write(abs);
        return plan;
    }

    /**
     * Embeds every sample of the source project that is not cached yet, through {@code features} (the planning
     * session's), so that grid tasks, which open the source read-only, only read the cache. Returns the problems
     * (e.g. unreadable images), empty when everything is cached.
     */
    public static List<String> cacheFeatures(ProjectStore source, FeatureSource features) {
        List<String> problems = new java.util.ArrayList<>();
        for (Split split : Split.values()) {
            List<Long> ids = source.sampleTable().bySplit(split).stream().map(org.alor.store.StoredSample::id).toList();
            for (int from = 0; from < ids.size(); from += FEATURE_CHUNK) {
                try {
                    features.features(ids.subList(from, Math.min(ids.size(), from + FEATURE_CHUNK)));
                } catch (RuntimeException e) {
                    problems.add(split.key() + ": " + e.getMessage());
                }
            }
        }
        return problems;
    }

    private static final int FEATURE_CHUNK = 2048;

    private static void writeRunScript(Path file, List<String> command) throws IOException {
        String text = "#!/usr/bin/env bash\n# Runs (or continues) this run; safe to start again after a kill.\nexec "
                + command.stream().map(GridPlanner::shellQuote).collect(Collectors.joining(" ")) + " \"$@\"\n";
        AtomicFiles.write(file, w -> w.write(text));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: `bash run.sh` still works
        }
    }

    static String shellQuote(String s) {
        if (s.matches("[A-Za-z0-9_./:=@%+-]+")) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void requireFresh(ProjectStore source) {
        if (!source.roundTable().all().isEmpty() || source.labelLog().eventCount() > 0) {
            throw new IllegalStateException(source.databaseFile() + ": an experiment simulates labeling from scratch, but"
                    + " this project already has rounds or labels; use a project without them (e.g. a fresh import)");
        }
    }

    /**
     * An RDA run on a project that never ran retrieval trains on the labeled images alone while reporting "RDA on":
     * refuse it rather than report numbers that mean something else.
     */
    private static void requireRetrievedWhereRdaIsOn(ProjectStore source, ExperimentSpec spec) {
        if (spec.runs().stream().anyMatch(ExperimentSpec.Run::rda) && source.sampleTable().bySplit(Split.RETRIEVED).isEmpty()) {
            throw new IllegalStateException(source.databaseFile() + ": RDA is on, but the project has no retrieved images;"
                    + " run retrieval first (alor retrieve), or run the experiment with RDA off");
        }
    }
}
