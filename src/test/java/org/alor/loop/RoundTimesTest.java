package org.alor.loop;

import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTimesTest {
    @TempDir
    Path tmp;

    /** A run copy whose rounds are done with the given summaries (method, epochs, seconds, device). */
    private void run(Path experiment, String name, String... summaries) {
        try (ProjectStore store = ProjectStore.create(experiment.resolve("runs").resolve(name))) {
            for (int i = 0; i < summaries.length; i++) {
                store.roundTable().insert(RoundRecord.planned(i, "x", "random", 1, 6));
                store.roundTable().setSummary(i, summaries[i]);
                store.roundTable().updateStatus(i, RoundStatus.DONE);
            }
        }
    }

    @Test
    void perMethodMeansAreScaledByEpochsAndUnmeasuredMethodsAreNamedNotCounted() throws Exception {
        Path a = tmp.resolve("a");
        run(a, "lp-tfs-rdaon-seed1", "{\"method\":\"lp\",\"epochs\":5,\"seconds\":8}", "{\"method\":\"lp\",\"epochs\":5,\"seconds\":12}");
        run(a, "ft-tfs-rdaon-seed1", "{\"method\":\"ft\",\"epochs\":2,\"seconds\":100,\"model\":{\"device\":\"gpu(0)\"}}");
        run(tmp.resolve("b"), "zeroshot-tfs-rdaon-seed1", "{\"method\":\"zeroshot\",\"epochs\":5,\"seconds\":1}");
        // an unfinished round measures nothing
        try (ProjectStore store = ProjectStore.open(a.resolve("runs/ft-tfs-rdaon-seed1"))) {
            store.roundTable().insert(RoundRecord.planned(1, "ft", "tfs", 1, 6));
            store.roundTable().setSummary(1, "{\"method\":\"ft\",\"epochs\":2,\"seconds\":9999}");
        }

        RoundTimes times = RoundTimes.measuredIn(List.of(a, tmp.resolve("b"), tmp.resolve("absent")));
        assertThat(times.secondsPerRound("lp", 10)).isEqualTo(20.0);
        assertThat(times.secondsPerRound("ft", 10)).isEqualTo(500.0);
        assertThat(times.secondsPerRound("zeroshot", 50)).isEqualTo(1.0);
        assertThat(times.secondsPerRound("ct", 10)).isNaN();

        Map<String, Integer> rounds = new LinkedHashMap<>();
        rounds.put("lp", 4);
        rounds.put("ft", 2);
        rounds.put("ct", 3);
        String text = times.estimate(rounds, 10);
        assertThat(text).startsWith("GPU-hours estimate: 0.30 h (1080 s) for 6 of 9 rounds; lp 20.0 s/round (from 2 measured rounds),"
                        + " ft 500.0 s/round (from 1 measured round) at 10 epochs.")
                .contains("measured on this project in " + a.resolve("runs") + ", " + tmp.resolve("b").resolve("runs"))
                .contains("device not recorded, gpu(0)")
                .endsWith("not measured, so not counted: ct (3 rounds).");
    }

    @Test
    void withNothingMeasuredItSaysSo() throws Exception {
        RoundTimes none = RoundTimes.measuredIn(List.of(tmp));
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.estimate(Map.of("lp", 14), 50)).startsWith("GPU-hours estimate: none yet — no round of this project has been measured")
                .endsWith("14 rounds to run.");
        assertThat(RoundTimes.roundsOf(GridPlannerTest.spec().runs(), 2)).containsExactly(Map.entry("lp", 8), Map.entry("zeroshot", 8));
    }
}
