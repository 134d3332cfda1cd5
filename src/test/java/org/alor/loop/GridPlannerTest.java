package org.alor.loop;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alor.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridPlannerTest {
    @TempDir
    Path tmp;

    static ExperimentSpec spec() {
        return ExperimentSpec.builder().optMethods(List.of("zeroshot", "lp")).optStrategies(List.of("tfs", "random"))
                .optRda(List.of(true)).optSeeds(List.of(1L, 2L)).optRounds(1).optEpochs(5).optBatchSize(8)
                .optThreads(1).optHeadLr(3e-4).build();
    }

    private GridPlan layOut(Path project, Path dir) throws Exception {
        try (ProjectStore source = ProjectStore.open(project)) {
            return GridPlanner.layOut(source, dir, spec(), "/opt/alor/alor");
        }
    }

    @Test
    void everyRunGetsItsOwnProjectCopyRunJsonAndTheExactCommandAndThePlanReadsBack() throws Exception {
        Path project = tmp.resolve("project");
        SyntheticWorld.create(project).close();
        Path dir = tmp.resolve("grid");
        layOut(project, dir);

        List<ExperimentSpec.Run> runs = spec().runs();
        assertThat(runs).hasSize(8);
        for (int i = 0; i < runs.size(); i++) {
            Path runDir = dir.resolve("runs").resolve(runs.get(i).name());
            assertThat(runDir.resolve(ProjectStore.DATABASE_FILE)).isRegularFile();
            JsonObject run = JsonParser.parseString(Files.readString(runDir.resolve("run.json"))).getAsJsonObject();
            assertThat(run.get("task").getAsInt()).isEqualTo(i);
            assertThat(run.get("seed").getAsLong()).isEqualTo(runs.get(i).seed());
            assertThat(run.get("method").getAsString()).isEqualTo(runs.get(i).method());
            assertThat(run.getAsJsonArray("command").toString()).isEqualTo("[\"/opt/alor/alor\",\"experiment\",\"--run-task\",\""
                    + dir.toAbsolutePath() + "\",\"" + i + "\"]");
            assertThat(Files.readString(runDir.resolve("run.sh")))
                    .contains("exec /opt/alor/alor experiment --run-task " + dir.toAbsolutePath() + " " + i + " \"$@\"");
            assertThat(Files.isExecutable(runDir.resolve("run.sh"))).isTrue();
        }
        try (ProjectStore copy = ProjectStore.openReadOnly(dir.resolve("runs/lp-random-rdaon-seed2"))) {
            assertThat(copy.sampleTable().countsBySplit()).isNotEmpty();
            assertThat(copy.roundTable().all()).isEmpty();
        }

        GridPlan read = GridPlan.read(dir);
        assertThat(read.spec()).isEqualTo(spec());
        assertThat(read.project()).isEqualTo(project.toAbsolutePath());
        assertThat(read.launcher()).isEqualTo("/opt/alor/alor");
        assertThat(read.run(5, dir)).isEqualTo(runs.get(5));
        assertThatThrownBy(() -> read.run(8, dir)).hasMessageContaining("task 8 is not in").hasMessageContaining("tasks 0..7");
    }

    @Test
    void planningAgainKeepsTheRunsAlreadyStarted() throws Exception {
        Path project = tmp.resolve("project");
        SyntheticWorld.create(project).close();
        Path dir = tmp.resolve("grid");
        layOut(project, dir);
        Path copy = dir.resolve("runs/lp-tfs-rdaon-seed1");
        try (ProjectStore store = ProjectStore.open(copy)) {
            store.settings().set("marker", "kept");
        }
        layOut(project, dir);
        try (ProjectStore store = ProjectStore.openReadOnly(copy)) {
            assertThat(store.settings().getString("marker")).contains("kept");
        }
    }

    @Test
    void theSlurmScriptIsOneArrayTaskPerRunCallingRunTaskWithTheResourcesAsked() throws Exception {
        Path project = tmp.resolve("project");
        SyntheticWorld.create(project).close();
        Path dir = tmp.resolve("grid");
        GridPlan plan = layOut(project, dir);
        Path file = SlurmBatchScript.write(plan, dir, new SlurmResources(2, 8, "32G", "2-00:00:00", 3));
        String script = Files.readString(file);
        String abs = dir.toAbsolutePath().toString();
        assertThat(script).startsWith("#!/usr/bin/env bash\n").contains("#SBATCH --array=0-7%3\n", "#SBATCH --gpus=2\n",
                "#SBATCH --cpus-per-task=8\n", "#SBATCH --mem=32G\n", "#SBATCH --time=2-00:00:00\n", "#SBATCH --requeue\n",
                "#SBATCH --open-mode=append\n", "#SBATCH --output=" + abs + "/logs/task-%a.log\n",
                "ALOR=\"${ALOR:-/opt/alor/alor}\"\n",
                "exec \"$ALOR\" experiment --run-task " + abs + " \"$SLURM_ARRAY_TASK_ID\"\n");
        assertThat(dir.resolve("logs")).isDirectory();
        assertThat(Files.isExecutable(file)).isTrue();

        String noGpu = SlurmBatchScript.render(plan, dir, new SlurmResources(0, 1, "1G", "30", 0));
        assertThat(noGpu).doesNotContain("--gpus").contains("#SBATCH --array=0-7\n", "#SBATCH --time=30\n");
        assertThat(SlurmBatchScript.render(plan, dir, SlurmResources.DEFAULT))
                .contains("#SBATCH --gpus=1\n", "#SBATCH --cpus-per-task=4\n", "#SBATCH --mem=16G\n", "#SBATCH --time=24:00:00\n");
    }

    @Test
    void badResourcesAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> new SlurmResources(-1, 1, "1G", "1:00:00", 0)).hasMessageContaining("--gpus");
        assertThatThrownBy(() -> new SlurmResources(1, 0, "1G", "1:00:00", 0)).hasMessageContaining("--cpus");
        assertThatThrownBy(() -> new SlurmResources(1, 1, "lots", "1:00:00", 0)).hasMessageContaining("--mem 'lots'");
        assertThatThrownBy(() -> new SlurmResources(1, 1, "1G", "soon", 0)).hasMessageContaining("--time 'soon'");
    }

    @Test
    void aMissingOrDamagedPlanIsRefusedNamingTheFile() throws Exception {
        Path dir = tmp.resolve("grid");
        assertThatThrownBy(() -> GridPlan.read(dir)).hasMessageContaining(dir.resolve("plan.json") + ": no plan here");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("plan.json"), "{\"format\": 1, \"project\": ");
        assertThatThrownBy(() -> GridPlan.read(dir)).hasMessageContaining(dir.resolve("plan.json") + ": not a readable plan");
    }

    @Test
    void aProjectWithRoundsOrLabelsIsRefusedBeforeAnyFolderIsWritten() throws Exception {
        Path project = tmp.resolve("project");
        try (ProjectStore store = SyntheticWorld.create(project)) {
            store.labelLog().label(store.sampleTable().bySplit(org.alor.data.Split.POOL).get(0).id(), 0, "ann", null);
        }
        assertThatThrownBy(() -> layOut(project, tmp.resolve("grid"))).hasMessageContaining("already has rounds or labels");
        assertThat(tmp.resolve("grid")).doesNotExist();
    }
}
