package org.alor.loop;

/**
 * What each task of a grid's Slurm job array asks for. Defaults fit one run of the paper's grid on a GPU node: one
 * GPU, 4 CPUs (image decoding), 16 GB (ViT-B/32 training wants that much), 24 hours.
 *
 * @param gpus        GPUs per task (0 = none: no {@code --gpus} line)
 * @param cpus        CPUs per task
 * @param memory      memory per task in Slurm's notation ({@code 16G}, {@code 4000M})
 * @param time        time limit per task in Slurm's notation ({@code 24:00:00}, {@code 1-12:00:00}, {@code 90})
 * @param maxParallel at most this many tasks at once ({@code --array=0-N%K}); 0 = no limit
 */
public record SlurmResources(int gpus, int cpus, String memory, String time, int maxParallel) {
    public static final SlurmResources DEFAULT = new SlurmResources(1, 4, "16G", "24:00:00", 0);

    public SlurmResources {
        if (gpus < 0) throw new IllegalArgumentException("--gpus must be 0 or more, not " + gpus);
        if (cpus < 1) throw new IllegalArgumentException("--cpus must be at least 1, not " + cpus);
        if (memory == null || !memory.matches("[1-9][0-9]*[KMGTkmgt]?")) {
            throw new IllegalArgumentException("--mem '" + memory + "' is not a Slurm memory size such as 16G or 4000M");
        }
        if (time == null || !time.matches("([0-9]+-)?[0-9]+(:[0-9]{1,2}){0,2}")) {
            throw new IllegalArgumentException("--time '" + time + "' is not a Slurm time limit such as 24:00:00, 1-12:00:00 or 90 (minutes)");
        }
        if (maxParallel < 0) throw new IllegalArgumentException("--max-parallel must be 0 (no limit) or more, not " + maxParallel);
    }
}
