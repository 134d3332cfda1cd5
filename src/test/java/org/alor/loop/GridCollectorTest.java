package org.alor.loop;

import org.alor.job.CancellationToken;
import org.alor.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Grid tasks run one run each; collect merges the finished ones with the one-machine report writer. */
class GridCollectorTest {
    @TempDir
    Path tmp;

    private Path project;

    private Path plannedGrid() throws Exception {
        project = tmp.resolve("project");
        SyntheticWorld.create(project).close();
        Path dir = tmp.resolve("grid");
        try (ProjectStore source = ProjectStore.open(project)) {
            GridPlanner.layOut(source, dir, GridPlannerTest.spec(), "alor");
        }
        return dir;
    }

    private ExperimentRunner runner(Path out) {
        FeatureSource features;
        try (ProjectStore store = ProjectStore.open(project)) {
            features = EngineFixture.WORLD.featureSource(store);
        }
        return new ExperimentRunner(project, out, GridPlannerTest.spec(), features, EngineFixture.WORLD.textEncoder());
    }

    private String runTask(Path dir, int i) throws Exception {
        StringWriter log = new StringWriter();
        new GridTask(dir, GridPlan.read(dir), i).runWith(runner(dir), new PrintWriter(log), "test host");
        return log.toString();
    }

    private static List<String> withoutSeconds(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    @Test
    void collectedTasksGiveTheSameTablesAsTheOneMachineRunAndCollectingTwiceChangesNothing() throws Exception {
        Path dir = plannedGrid();
        for (int i = 0; i < 8; i++) {
            assertThat(runTask(dir, i)).contains("task " + i + " of 8", "starting: round 0 of 0..1", "finished rounds 0..1");
            assertThat(GridTaskStatus.read(GridPlan.runDir(dir, GridPlannerTest.spec().runs().get(i))).orElseThrow().state())
                    .isEqualTo(GridTaskStatus.DONE);
        }
        GridCollector.Collection c = GridCollector.collect(dir);
        assertThat(c.complete()).isTrue();
        assertThat(c.finished()).hasSize(8);

        Path one = tmp.resolve("one");
        runner(one).run();
        assertThat(withoutSeconds(dir.resolve("results.csv"))).hasSize(1 + 8 * 2).isEqualTo(withoutSeconds(one.resolve("results.csv")));
        assertThat(Files.readString(dir.resolve("per_class.csv"))).isEqualTo(Files.readString(one.resolve("per_class.csv")));
        assertThat(Files.readString(dir.resolve("summary.md"))).isEqualTo(Files.readString(one.resolve("summary.md")));
        assertThat(dir.resolve("accuracy_lp_rdaon.png")).isRegularFile();

        byte[] results = Files.readAllBytes(dir.resolve("results.csv"));
        byte[] summary = Files.readAllBytes(dir.resolve("summary.md"));
        GridCollector.collect(dir);
        assertThat(Files.readAllBytes(dir.resolve("results.csv"))).isEqualTo(results);
        assertThat(Files.readAllBytes(dir.resolve("summary.md"))).isEqualTo(summary);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        assertThat(runTask(dir, 3)).contains("already finished: rounds 0..1 are done; nothing to run");
    }

    @Test
    void collectMergesTheFinishedRunsAndNamesTheMissingAndFailedOnesWithTheirLogTail() throws Exception {
        Path dir = plannedGrid();
        runTask(dir, 0);
        ExperimentSpec.Run failed = GridPlannerTest.spec().runs().get(1);
        new GridTaskStatus(GridTaskStatus.FAILED, 2, "node7, pid 42", Instant.parse("2026-01-01T00:00:00Z"), "out of memory")
                .write(GridPlan.runDir(dir, failed));
        Files.createDirectories(dir.resolve("logs"));
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 30; i++) log.append("line ").append(i).append('\n');
        Files.writeString(GridPlan.logFile(dir, 1), log + "java.lang.OutOfMemoryError: Java heap space\n");

        GridCollector.Collection c = GridCollector.collect(dir);
        assertThat(c.complete()).isFalse();
        assertThat(c.finished()).extracting(o -> o.run().name()).containsExactly("zeroshot-tfs-rdaon-seed1");
        assertThat(c.unfinished()).hasSize(7);
        GridCollector.Unfinished u = c.unfinished().get(0);
        assertThat(u.task()).isEqualTo(1);
        assertThat(u.state()).startsWith("failed: out of memory; 0 of 2 rounds done").contains("attempt 2", "node7");
        assertThat(u.logTail()).hasSize(GridCollector.LOG_TAIL_LINES).endsWith("java.lang.OutOfMemoryError: Java heap space")
                .doesNotContain("line 20");
        assertThat(c.unfinished().get(1).state()).isEqualTo("not started");
        assertThat(c.unfinished().get(1).logTail()).isEmpty();

        assertThat(Files.readAllLines(dir.resolve("results.csv"))).hasSize(1 + 2)
                .allMatch(l -> l.startsWith("method,") || l.startsWith("zeroshot,tfs,on,1,"));
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("| zeroshot | tfs | on |").doesNotContain("| lp |");

        Files.delete(dir.resolve("runs/lp-random-rdaon-seed2/project.alor"));
        assertThat(GridCollector.collect(dir).unfinished()).anyMatch(x -> x.state().startsWith("missing: no project copy"));
    }

    @Test
    void aTaskStoppedAfterItsFirstRoundSaysSoWhenStartedAgainAndEndsWithTheSameResult() throws Exception {
        Path dir = plannedGrid();
        int task = 4; // lp-tfs-rdaon-seed1
        CancellationToken token = new CancellationToken();
        ExperimentRunner first = runner(dir).withCancellation(token).withRoundListener((run, result, store) -> token.cancel());
        StringWriter log = new StringWriter();
        GridPlan plan = GridPlan.read(dir);
        assertThatThrownBy(() -> new GridTask(dir, plan, task).runWith(first, new PrintWriter(log), "test"))
                .isInstanceOf(CancellationException.class);
        Path runDir = GridPlan.runDir(dir, plan.runs().get(task));
        assertThat(GridTaskStatus.read(runDir).orElseThrow().state()).isEqualTo(GridTaskStatus.CANCELLED);
        assertThat(GridCollector.collect(dir).unfinished().stream().filter(u -> u.task() == task).findFirst().orElseThrow()
                .state()).startsWith("cancelled; 1 of 2 rounds done");

        String again = runTask(dir, task);
        assertThat(again).contains("attempt 2", "resuming: round 0 done and kept; round 1 continues from its saved step (planned)");
        assertThat(GridTaskStatus.read(runDir).orElseThrow().attempt()).isEqualTo(2);

        Path one = tmp.resolve("one");
        runner(one).run();
        GridCollector.collect(dir);
        List<String> rows = withoutSeconds(dir.resolve("results.csv"));
        assertThat(rows).hasSize(1 + 2).containsAll(withoutSeconds(one.resolve("results.csv")).stream()
                .filter(l -> l.startsWith("lp,tfs,on,1,")).toList());
    }
}
