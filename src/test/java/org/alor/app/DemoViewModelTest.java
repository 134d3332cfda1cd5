package org.alor.app;

import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo race without a screen: the real engine on two copies of the sample world, oracle labels. */
class DemoViewModelTest {
    @TempDir
    static Path tmp; // shared: the second race reuses the first one's template (sample world with its features)

    @Test
    void playsAlorAgainstRandomRoundByRoundOnTwoCopiesOfTheSample() throws Exception {
        DemoViewModel vm = new DemoViewModel(tmp, Runnable::run);
        vm.lastRoundProperty().set(1);
        vm.play(JobProgress.NONE);

        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("Done");
        for (String side : new String[]{DemoRace.ALOR, DemoRace.RANDOM}) {
            assertThat(vm.series(side).getItemCount()).as(side + " points").isEqualTo(2);
            for (int i = 0; i < 2; i++) assertThat(vm.series(side).getY(i).doubleValue()).isBetween(0.0, 100.0);
            try (ProjectStore s = ProjectStore.open(tmp.resolve("demo-" + side))) {
                assertThat(s.roundTable().all()).extracting(RoundRecord::strategy).containsExactly(side, side);
                assertThat(s.roundTable().all()).extracting(RoundRecord::status).containsOnly(RoundStatus.DONE);
                // round 0 (simulation) labels one image per class with the oracle, round 0 selects a budget more
                assertThat(s.labelLog().current()).hasSize(2 * s.classTable().all().size());
            }
        }
        assertThat(vm.alorClassesProperty().get().rounds()).containsExactly(0, 1);
        assertThat(vm.randomClassesProperty().get().perClass()).isNotEmpty();
    }

    @Test
    void cancellingStopsAfterTheCurrentStepAndSaysSo() throws Exception {
        DemoViewModel vm = new DemoViewModel(tmp, Runnable::run);
        AtomicBoolean sawRound = new AtomicBoolean();
        vm.series(DemoRace.ALOR).addChangeListener(e -> {
            sawRound.set(true);
            vm.cancel();
        });
        vm.play(JobProgress.NONE);
        assertThat(sawRound).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelled.");
        assertThat(vm.series(DemoRace.ALOR).getItemCount()).isEqualTo(1);
        assertThat(vm.series(DemoRace.RANDOM).getItemCount()).isZero();
        assertThat(vm.runningProperty().get()).isFalse();
    }
}
