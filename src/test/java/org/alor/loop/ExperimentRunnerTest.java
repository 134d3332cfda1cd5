package org.alor.loop;

import org.alor.data.Split;
import org.alor.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExperimentRunnerTest {
    private static final int C = SyntheticWorld.CLASSES;

    @TempDir
    Path tmp;

    static ExperimentSpec plan() {
        return ExperimentSpec.builder().optMethods(List.of("zeroshot", "lp")).optStrategies(List.of("tfs", "random"))
                .optRda(List.of(true, false)).optSeeds(List.of(1L, 2L)).optRounds(2).optEpochs(20).optBatchSize(8)
                .optThreads(2).build();
    }

    private ExperimentRunner runner(Path project, Path out) {
        return runner(project, out, plan());
    }

    private ExperimentRunner runner(Path project, Path out, ExperimentSpec plan) {
        EngineFixture.WORLD.hashCode(); // registers the test selectors
        FeatureSource features;
        try (ProjectStore store = ProjectStore.open(project)) {
            features = EngineFixture.WORLD.featureSource(store);
        }
        return new ExperimentRunner(project, out, plan, features, EngineFixture.WORLD.textEncoder());
    }

    @Test
    void everyCombinationRunsInItsOwnCopyAndTheReportHasOneRowPerRunAndRound() throws Exception {
        Path project = tmp.resolve("project");
        SyntheticWorld.create(project).close();
        Path out = tmp.resolve("out");
        List<RunOutcome> outcomes = runner(project, out).run();
        assertThat(outcomes).hasSize(16);

        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertThat(rows.get(0)).isEqualTo("method,strategy,rda,seed,round,accuracy,macro_f1,labeled,retrieved,seconds");
        assertThat(rows).hasSize(1 + 16 * 3);
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            int round = Integer.parseInt(f[4]);
            assertThat(Integer.parseInt(f[7])).as(row).isEqualTo(C * (round + 1));
            assertThat(Integer.parseInt(f[8])).as(row).isEqualTo(f[2].equals("on") ? 115 : 0);
            assertThat(Double.parseDouble(f[5])).isBetween(0.0, 100.0);
        }
        assertThat(rows).anyMatch(r -> r.startsWith("lp,tfs,off,2,2,"));

        assertThat(Files.readAllLines(out.resolve("per_class.csv"))).hasSize(1 + 16 * 3 * C);

        String summary = Files.readString(out.resolve("summary.md"), StandardCharsets.UTF_8);
        assertThat(summary).contains("## Accuracy (%)", "## Macro-F1 (%)", "| lp | tfs | on |", "| zeroshot | random | off |",
                "Round 2 |");
        assertThat(summary.lines().filter(l -> l.startsWith("| lp |") || l.startsWith("| zeroshot |"))).hasSize(2 * 8);
        assertThat(summary.lines().filter(l -> l.startsWith("| lp | tfs | on |")).findFirst().orElseThrow()).contains("±");

        for (String png : List.of("accuracy_lp_rdaon.png", "accuracy_zeroshot_rdaoff.png", "per_class_lp_tfs_rdaon.png")) {
            byte[] bytes = Files.readAllBytes(out.resolve(png));
            assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }

        // The round-0 set of a seed is the same in every run of that seed; the source project stays untouched.
        Set<Long> a = roundZero(out.resolve("runs/lp-tfs-rdaon-seed1"));
        assertThat(a).hasSize(C).isEqualTo(roundZero(out.resolve("runs/zeroshot-random-rdaoff-seed1")))
                .isNotEqualTo(roundZero(out.resolve("runs/lp-tfs-rdaon-seed2")));
        try (ProjectStore source = ProjectStore.open(project)) {
            assertThat(source.roundTable().all()).isEmpty();
            assertThat(source.labelLog().eventCount()).isZero();
        }

        // Running again resumes: every run is complete, so the results are read back unchanged.
        String before = Files.readString(out.resolve("results.csv"));
        runner(project, out).run();
        assertThat(Files.readString(out.resolve("results.csv"))).isEqualTo(before);
    }

    private static Set<Long> roundZero(Path runDir) {
        try (ProjectStore store = ProjectStore.open(runDir)) {
            Set<Long> ids = new java.util.TreeSet<>();
            store.labelLog().current().values().stream().filter(s -> s.round() == 0 && store.roundTable().selections(0).stream()
                    .noneMatch(sel -> sel.sampleId() == s.sampleId())).forEach(s -> ids.add(s.sampleId()));
            assertThat(store.sampleTable().byId(ids.iterator().next()).orElseThrow().split()).isEqualTo(Split.POOL);
            return ids;
        }
    }

    @Test
    void aProjectWithLabelsIsRefused() throws Exception {
        Path project = tmp.resolve("project");
        try (ProjectStore store = SyntheticWorld.create(project)) {
            store.labelLog().label(store.sampleTable().bySplit(Split.POOL).get(0).id(), 0, "ann", null);
        }
        assertThatThrownBy(() -> runner(project, tmp.resolve("out")).run())
                .hasMessageContaining("already has rounds or labels");
    }

    @Test
    void rdaOnAProjectWithoutRetrievedImagesIsRefusedNotSilentlyRunWithoutThem() throws Exception {
        Path project = tmp.resolve("project");
        SyntheticWorld.create(project, false).close();
        assertThatThrownBy(() -> runner(project, tmp.resolve("out")).run())
                .hasMessageContaining("RDA is on, but the project has no retrieved images");
        assertThat(tmp.resolve("out/runs")).doesNotExist();

        ExperimentSpec off = ExperimentSpec.builder().optCombinations(List.of(new ExperimentSpec.Combination("lp", "random", false)))
                .optSeeds(List.of(1L)).optRounds(0).optEpochs(5).optBatchSize(8).optThreads(1).build();
        assertThat(runner(project, tmp.resolve("out"), off).run()).hasSize(1);
    }

    @Test
    void listedCombinationsRunWithEverySeedAndEachFinishedRoundIsReportedInOrder() throws Exception {
        Path project = tmp.resolve("project");
        SyntheticWorld.create(project).close();
        ExperimentSpec plan = ExperimentSpec.builder().optCombinations(List.of(ExperimentSpec.Combination.parse("lp:tfs:on"),
                        ExperimentSpec.Combination.parse("zeroshot:random:off"))).optSeeds(List.of(1L, 2L)).optRounds(2)
                .optEpochs(5).optBatchSize(8).optThreads(2).build();
        assertThat(plan.runs()).extracting(ExperimentSpec.Run::name).containsExactly("lp-tfs-rdaon-seed1",
                "lp-tfs-rdaon-seed2", "zeroshot-random-rdaoff-seed1", "zeroshot-random-rdaoff-seed2");
        java.util.Map<String, List<String>> seen = new java.util.concurrent.ConcurrentHashMap<>();
        List<RunOutcome> outcomes = runner(project, tmp.resolve("out"), plan).withRoundListener((run, result, store) ->
                seen.computeIfAbsent(run.name(), k -> java.util.Collections.synchronizedList(new java.util.ArrayList<>()))
                        .add(result.round() + ":" + String.format(java.util.Locale.ROOT, "%.4f",
                                100 * store.roundTable().overallMetrics(Split.TEST).get(result.round()).accuracy()))).run();
        assertThat(seen).hasSize(4);
        for (RunOutcome o : outcomes) {
            List<String> expected = o.rounds().stream().map(r -> r.round() + ":"
                    + String.format(java.util.Locale.ROOT, "%.4f", 100 * r.test().accuracy())).toList();
            assertThat(seen.get(o.run().name())).as(o.run().name()).isEqualTo(expected).hasSize(3);
        }
        List<String> rows = Files.readAllLines(tmp.resolve("out/results.csv"));
        assertThat(rows).hasSize(1 + 4 * 3).noneMatch(r -> r.startsWith("lp,random") || r.startsWith("zeroshot,tfs"));
        assertThatThrownBy(() -> ExperimentSpec.Combination.parse("ct:tfs")).hasMessageContaining("METHOD:STRATEGY:on|off");
    }
}
