package org.alor.loop;

import org.alor.data.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code DIR/grid.sbatch}: the grid as one Slurm job array, one task per run, each calling exactly
 * {@code alor experiment --run-task DIR $SLURM_ARRAY_TASK_ID}. Tasks are requeueable and append to their log, so a
 * requeued (or resubmitted) task continues its run where its project copy stopped.
 */
public final class SlurmBatchScript {
    public static final String FILE = "grid.sbatch";

    private SlurmBatchScript() {
    }

    public static String render(GridPlan plan, Path dir, SlurmResources res) {
        Path abs = dir.toAbsolutePath().normalize();
        int n = plan.runs().size();
        StringBuilder sb = new StringBuilder("#!/usr/bin/env bash\n");
        sb.append("#SBATCH --job-name=alor-grid\n");
        sb.append("#SBATCH --array=0-").append(n - 1).append(res.maxParallel() > 0 ? "%" + res.maxParallel() : "").append('\n');
        sb.append("#SBATCH --ntasks=1\n");
        sb.append("#SBATCH --cpus-per-task=").append(res.cpus()).append('\n');
        if (res.gpus() > 0) sb.append("#SBATCH --gpus=").append(res.gpus()).append('\n');
        sb.append("#SBATCH --mem=").append(res.memory()).append('\n');
        sb.append("#SBATCH --time=").append(res.time()).append('\n');
        sb.append("#SBATCH --requeue\n");
        sb.append("#SBATCH --open-mode=append\n");
        sb.append("#SBATCH --output=").append(abs.resolve("logs")).append("/task-%a.log\n");
        sb.append("#\n# ALOR Studio: ").append(n).append(" runs (tasks 0..").append(n - 1).append(") of ")
                .append(plan.project()).append(", rounds 0..").append(plan.spec().rounds()).append(".\n");
        sb.append("# Submit: sbatch ").append(abs.resolve(FILE)).append("   (sbatch options such as -p/-A override these lines)\n");
        sb.append("# Watch:  squeue --me    Collect: alor experiment --collect ").append(abs).append('\n');
        sb.append("# A requeued or resubmitted task (sbatch --array=I ...) continues its run: finished rounds are kept.\n");
        if (res.gpus() > 0) sb.append("# Clusters without select/cons_tres (or Slurm before 19.05): use --gres=gpu:").append(res.gpus())
                .append(" instead of --gpus.\n");
        sb.append("set -euo pipefail\n");
        sb.append("ALOR=\"${ALOR:-").append(plan.launcher()).append("}\"\n");
        sb.append("echo \"== task ${SLURM_ARRAY_TASK_ID} on $(hostname) at $(date -u +%FT%TZ), job ${SLURM_JOB_ID:-?},"
                + " restart ${SLURM_RESTART_COUNT:-0}\"\n");
        sb.append("exec \"$ALOR\" experiment --run-task ").append(GridPlanner.shellQuote(abs.toString()))
                .append(" \"$SLURM_ARRAY_TASK_ID\"\n");
        return sb.toString();
    }

    /** Writes the script (atomically, executable) and makes the log folder Slurm appends to. */
    public static Path write(GridPlan plan, Path dir, SlurmResources res) throws IOException {
        Path file = dir.resolve(FILE);
        String text = render(plan, dir, res);
        AtomicFiles.write(file, w -> w.write(text));
        Files.createDirectories(dir.resolve("logs"));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: sbatch reads it anyway
        }
        return file;
    }
}
