package org.alor.cli;

import org.alor.loop.FeatureSource;
import org.alor.loop.ModelBackend;
import org.alor.loop.SyntheticWorld;
import org.alor.loop.TextEncoder;
import org.alor.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `alor experiment --plan / --run-task / --collect` on the synthetic world's fake model. */
class ExperimentGridCommandTest {
    private static final SyntheticWorld WORLD = new SyntheticWorld();

    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        ExperimentCommand command = new ExperimentCommand();
        command.sessionOptions.backends = (device, threads) -> new ModelBackend() {
            @Override
            public FeatureSource featureSource(ProjectStore store) {
                return WORLD.featureSource(store);
            }

            @Override
            public TextEncoder textEncoder(ProjectStore store) {
                return WORLD.textEncoder();
            }
        };
        return CliRun.of(() -> new CommandLine(command), args);
    }

    @Test
    void planRunEveryTaskCollectThenPlanAgainWithMeasuredTimes() throws Exception {
        Path project = tmp.resolve("p");
        SyntheticWorld.create(project).close();
        Path grid = tmp.resolve("grid");
        String[] spec = {"--methods", "zeroshot,lp", "--strategies", "random,tfs", "--seeds", "1", "--rounds", "1", "--epochs", "3"};
        List<String> planArgs = new java.util.ArrayList<>(List.of(project.toString()));
        planArgs.addAll(List.of(spec));
        planArgs.addAll(List.of("--plan", grid.toString(), "--gpus", "0", "--cpus", "2", "--mem", "4G", "--time", "1:00:00"));

        CliRun plan = run(planArgs.toArray(String[]::new));
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("Planned 4 runs × 2 rounds (tasks 0..3)", "sbatch " + grid.toAbsolutePath().resolve("grid.sbatch"),
                "no GPU, 2 CPUs, 4G, 1:00:00", "squeue", "--collect " + grid.toAbsolutePath(),
                "GPU-hours estimate: none yet — no round of this project has been measured");
        assertThat(Files.readString(grid.resolve("grid.sbatch"))).contains("#SBATCH --array=0-3\n").doesNotContain("--gpus");
        assertThat(grid.resolve("results.csv")).doesNotExist();

        CliRun early = run("--collect", grid.toString());
        assertThat(early.exitCode()).as(early.err()).isZero();
        assertThat(early.out()).contains("Collected 0 of 4 runs", "task 0 zeroshot-random-rdaon-seed1: not started",
                "4 run(s) not finished");

        for (int i = 0; i < 4; i++) {
            CliRun task = run("--run-task", grid.toString(), Integer.toString(i));
            assertThat(task.exitCode()).as(task.err()).isZero();
            assertThat(task.out()).contains("task " + i + " of 4", "round 1 done", "finished rounds 0..1");
        }
        CliRun collect = run("--collect", grid.toString());
        assertThat(collect.exitCode()).as(collect.err()).isZero();
        assertThat(collect.out()).contains("Collected 4 of 4 runs", "All runs finished.");
        assertThat(Files.readAllLines(grid.resolve("results.csv"))).hasSize(1 + 4 * 2);

        CliRun again = run(planArgs.toArray(String[]::new));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).containsPattern("GPU-hours estimate: [0-9.]+ h \\([0-9]+ s\\) for 8 of 8 rounds; lp [0-9.]+ s/round \\(from 4 measured rounds\\),"
                        + " zeroshot [0-9.]+ s/round \\(from 4 measured rounds\\) at 3 epochs\\.")
                .contains("measured on this project in " + grid.toAbsolutePath().resolve("runs"));
        assertThat(run("--run-task", grid.toString(), "0").out()).contains("already finished");
    }

    @Test
    void theModesAreExclusiveAndTheGridPathsTakeNoProject() throws Exception {
        Path project = tmp.resolve("p");
        SyntheticWorld.create(project).close();
        CliRun none = run(project.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("give one of --out DIR, --plan DIR, --collect DIR or --run-task DIR I");
        CliRun both = run(project.toString(), "--out", tmp.resolve("o").toString(), "--plan", tmp.resolve("g").toString());
        assertThat(both.exitCode()).isEqualTo(2);
        CliRun collectWithProject = run(project.toString(), "--collect", tmp.resolve("g").toString());
        assertThat(collectWithProject.exitCode()).isEqualTo(2);
        assertThat(collectWithProject.err()).contains("--collect reads the project from DIR/plan.json; give no PROJECT_DIR");
        CliRun noPlan = run("--collect", tmp.resolve("g").toString());
        assertThat(noPlan.exitCode()).isEqualTo(1);
        assertThat(noPlan.err()).contains("plan.json: no plan here");
        CliRun badTask = run("--run-task", tmp.resolve("g").toString(), "x");
        assertThat(badTask.exitCode()).isEqualTo(2);
        assertThat(badTask.err()).contains("'x' is not a task number");
        CliRun badMem = run(project.toString(), "--plan", tmp.resolve("g").toString(), "--mem", "lots");
        assertThat(badMem.exitCode()).isEqualTo(2);
        assertThat(badMem.err()).contains("--mem 'lots'");
    }
}
