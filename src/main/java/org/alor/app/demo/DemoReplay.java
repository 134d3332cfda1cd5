package org.alor.app.demo;

import org.alor.app.charts.ChartData;
import org.alor.data.Split;
import org.alor.job.CancellationToken;
import org.alor.job.Phase;
import org.alor.job.Progress;
import org.alor.loop.ExperimentSpec;
import org.alor.store.MetricRow;
import org.alor.store.ProjectStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * Plays the demo race back from a recorded {@code alor experiment} folder: the two sides' runs
 * ({@code runs/<method>-<strategy>-rda<on|off>-seed<S>/}), round by round, with the same curves, heat maps and
 * captions as a live race. For laptops too slow to race live.
 */
final class DemoReplay {
    /** One round of one side, as the page shows it. */
    interface Frame {
        void show(DemoRace.Side side, int round, double accuracy, ChartData data, String caption);
    }

    private final Path experiment;

    DemoReplay(Path experiment) {
        this.experiment = experiment;
    }

    void play(Frame frame, long pauseMillis, CancellationToken token, Progress progress) throws Exception {
        Path alorRun = recordedRun(DemoRace.ALOR);
        Path baselineRun = recordedRun(DemoRace.BASELINE);
        try (ProjectStore alor = ProjectStore.open(alorRun); ProjectStore baseline = ProjectStore.open(baselineRun)) {
            SortedMap<Integer, MetricRow> alorTest = alor.roundTable().overallMetrics(Split.TEST);
            SortedMap<Integer, MetricRow> baselineTest = baseline.roundTable().overallMetrics(Split.TEST);
            if (alorTest.isEmpty() || baselineTest.isEmpty()) {
                throw new IllegalArgumentException(experiment + ": the recorded runs have no evaluated round yet");
            }
            int last = Math.min(alorTest.lastKey(), baselineTest.lastKey());
            ChartData alorData = ChartData.load(alor);
            ChartData baselineData = ChartData.load(baseline);
            for (int round = 0; round <= last; round++) {
                show(frame, DemoRace.ALOR, alor, alorData, alorTest, round);
                show(frame, DemoRace.BASELINE, baseline, baselineData, baselineTest, round);
                progress.phase(Phase.EXPERIMENT, round + 1, last + 1, "Replayed round " + round + " of " + last);
                if (round < last) pause(pauseMillis, token);
            }
        }
    }

    private static void show(Frame frame, DemoRace.Side side, ProjectStore store, ChartData all,
                             SortedMap<Integer, MetricRow> test, int round) {
        ChartData data = all.upTo(round);
        MetricRow m = test.get(round);
        frame.show(side, round, m == null ? Double.NaN : m.accuracy(), data, DemoCaption.of(round,
                round == 0 ? List.of() : store.roundTable().selections(round - 1), store.labelLog().current(), data));
    }

    private static void pause(long millis, CancellationToken token) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            token.throwIfCancelled();
            Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000L)));
        }
        token.throwIfCancelled();
    }

    /** A side's recorded run: the demo's seed if it was recorded, else the lowest seed recorded for its combination. */
    Path recordedRun(DemoRace.Side side) throws IOException {
        ExperimentSpec.Combination c = side.combination();
        Path runs = experiment.resolve("runs");
        Path preferred = runs.resolve(c.runName(DemoRace.SEED));
        if (Files.exists(preferred.resolve(ProjectStore.DATABASE_FILE))) return preferred;
        String prefix = c.runName(0).substring(0, c.runName(0).length() - 1);
        Optional<Path> any = Optional.empty();
        if (Files.isDirectory(runs)) {
            try (Stream<Path> list = Files.list(runs)) {
                any = list.filter(p -> p.getFileName().toString().startsWith(prefix)
                                && p.getFileName().toString().substring(prefix.length()).matches("-?\\d+")
                                && Files.exists(p.resolve(ProjectStore.DATABASE_FILE)))
                        .min(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(prefix.length()))));
            }
        }
        return any.orElseThrow(() -> new IllegalArgumentException(experiment + ": no recorded run of " + c
                + " (expected " + runs.resolve(c.runName(DemoRace.SEED)) + "); record one with: "
                + DemoRace.command("PROJECT", DemoViewModel.DEFAULT_LAST_ROUND, DemoRace.DEFAULT_EPOCHS, experiment.toString())));
    }
}
