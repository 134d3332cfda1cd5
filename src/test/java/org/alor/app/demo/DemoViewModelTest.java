package org.alor.app.demo;


import org.alor.cli.AlorCli;
import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo race without a screen: one experiment job of two runs on the retrieved sample project, oracle labels. */
class DemoViewModelTest {
    @TempDir
    static Path tmp;

    @org.junit.jupiter.api.BeforeAll
    static void template() throws Exception {
        DemoTemplates.copyInto(tmp);
    }

    @Test
    void drawsExactlyWhatAlorExperimentReportsForTheSameSettings() throws Exception {
        DemoViewModel vm = new DemoViewModel(tmp, Runnable::run);
        vm.lastRoundProperty().set(1);
        vm.epochsProperty().set(1);
        vm.play(Progress.NONE, new CancellationToken());

        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("Done");
        DemoRace race = new DemoRace(tmp, 1);
        for (DemoRace.Side side : List.of(DemoRace.ALOR, DemoRace.BASELINE)) {
            assertThat(vm.series(side).getItemCount()).as(side + " points").isEqualTo(2);
            String run = side.combination().runName(DemoRace.SEED);
            try (ProjectStore s = ProjectStore.open(race.output().resolve("runs").resolve(run))) {
                assertThat(s.roundTable().all()).extracting(RoundRecord::strategy).containsOnly(side.combination().strategy());
                assertThat(s.roundTable().all()).extracting(r -> r.method().toLowerCase(Locale.ROOT))
                        .as("ALOR contrastive tuning, the baseline prompt tuning").containsOnly(side.combination().method());
                assertThat(s.roundTable().all()).extracting(RoundRecord::status).containsOnly(RoundStatus.DONE);
                assertThat(s.labelLog().current()).hasSize(2 * s.classTable().all().size());
            }
        }
        try (ProjectStore template = ProjectStore.open(race.template())) {
            assertThat(template.sampleTable().bySplit(org.alor.data.Split.RETRIEVED)).as("the race trains with retrieved images").isNotEmpty();
            assertThat(template.roundTable().all()).as("the template stays fresh").isEmpty();
        }
        assertThat(vm.alorClassesProperty().get().rounds()).containsExactly(0, 1);
        assertThat(vm.baselineClassesProperty().get().perClass()).isNotEmpty();

        // The same experiment from the command line, on the same template: every number the demo drew, to the last digit.
        Path out = tmp.resolve("cli-experiment");
        int code = AlorCli.commandLine().execute("experiment", race.template().toString(), "--runs", "ct:tfs:on,pt:random:off",
                "--seeds", Long.toString(DemoRace.SEED), "--rounds", "1", "--epochs", "1", "--out", out.toString());
        assertThat(code).isZero();
        List<String> expected = new ArrayList<>();
        for (String row : Files.readAllLines(out.resolve("results.csv")).subList(1, 5)) {
            String[] f = row.split(",");
            expected.add(f[1] + " round " + f[4] + ": " + f[5]);
        }
        List<String> drawn = new ArrayList<>();
        for (DemoRace.Side side : List.of(DemoRace.ALOR, DemoRace.BASELINE)) {
            for (int i = 0; i < vm.series(side).getItemCount(); i++) {
                drawn.add(side.combination().strategy() + " round " + vm.series(side).getX(i).intValue() + ": "
                        + String.format(Locale.ROOT, "%.4f", vm.series(side).getY(i).doubleValue()));
            }
        }
        assertThat(drawn).isEqualTo(expected);
        assertThat(vm.alorCaptionProperty().get()).startsWith("Round 1: ").contains("new labels were of the");
        assertThat(vm.replayProperty().get()).as("a live race is not labelled a replay").isEmpty();

        // A replay of the race's recording draws the same curves, heat maps and captions, labelled as a replay.
        DemoViewModel replayed = new DemoViewModel(tmp, Runnable::run);
        List<String> replayStatus = new ArrayList<>();
        replayed.replayProperty().addListener((o, a, v) -> replayStatus.add(v));
        replayed.replay(race.output(), 0, Progress.NONE, new CancellationToken());
        assertThat(replayStatus).anyMatch(v -> v.startsWith("Replay of a recorded experiment: "));
        assertThat(replayed.statusProperty().get()).startsWith("Replay done");
        for (DemoRace.Side side : List.of(DemoRace.ALOR, DemoRace.BASELINE)) {
            assertThat(replayed.series(side).getItems()).as(side.label()).isEqualTo(vm.series(side).getItems());
        }
        assertThat(replayed.alorCaptionProperty().get()).isEqualTo(vm.alorCaptionProperty().get());
        assertThat(replayed.baselineCaptionProperty().get()).isEqualTo(vm.baselineCaptionProperty().get());
        assertThat(replayed.alorClassesProperty().get().perClass()).isEqualTo(vm.alorClassesProperty().get().perClass());
    }

    @Test
    void replayingAFolderWithoutTheRaceSaysWhatIsMissingAndHowToRecordIt() {
        DemoViewModel vm = new DemoViewModel(tmp, Runnable::run);
        Path empty = tmp.resolve("not-an-experiment");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vm.replay(empty, 0, Progress.NONE, new CancellationToken()))
                .hasMessageContaining(empty.toString()).hasMessageContaining("no recorded run of ct:tfs:on")
                .hasMessageContaining("alor experiment PROJECT --runs ct:tfs:on,pt:random:off");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void cancellingStopsTheRaceAndSaysSo() throws Exception {
        DemoViewModel vm = new DemoViewModel(tmp, Runnable::run);
        vm.lastRoundProperty().set(3);
        vm.epochsProperty().set(1);
        // the sides run side by side at their own pace (PT without retrieval is far quicker than CT with it): cancel at
        // the first round either side finishes; after that at most a round already past its last training step ends
        AtomicBoolean sawRound = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger pointsAtCancel = new java.util.concurrent.atomic.AtomicInteger();
        for (DemoRace.Side side : List.of(DemoRace.ALOR, DemoRace.BASELINE)) {
            vm.series(side).addChangeListener(e -> {
                if (sawRound.compareAndSet(false, true)) {
                    pointsAtCancel.set(vm.series(DemoRace.ALOR).getItemCount() + vm.series(DemoRace.BASELINE).getItemCount());
                    vm.cancel();
                }
            });
        }
        vm.play(Progress.NONE, new CancellationToken());
        assertThat(sawRound).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelled.");
        int points = vm.series(DemoRace.ALOR).getItemCount() + vm.series(DemoRace.BASELINE).getItemCount();
        assertThat(points).as("rounds drawn after the cancel").isLessThanOrEqualTo(pointsAtCancel.get() + 1);
        assertThat(vm.series(DemoRace.ALOR).getItemCount()).isLessThanOrEqualTo(1);
        assertThat(vm.series(DemoRace.BASELINE).getItemCount()).isLessThanOrEqualTo(2);
        assertThat(vm.runningProperty().get()).isFalse();
    }
}
