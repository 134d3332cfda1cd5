package org.alor.loop.estimate;

import org.alor.job.CancellationToken;
import org.alor.loop.TinyProject;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectEstimateTest {
    @TempDir
    static Path shared;
    static Path project;

    @BeforeAll
    static void createProject() throws IOException {
        project = TinyProject.create(shared);
    }

    private static ProjectEstimate.Request calibrate(boolean again) {
        return new ProjectEstimate.Request("cpu", 4, again, null, null);
    }

    @Test
    void calibratesOnceThenUsesTheRatesCachedInTheProjectUntilAskedToRecalibrate() throws Exception {
        try (ProjectStore store = ProjectStore.open(project)) {
            store.settings().remove(RatesCache.key("cpu"));
            assertThat(ProjectEstimate.cached(store, "cpu")).isEmpty();
            List<String> log = new ArrayList<>();
            ProjectEstimate.Result first = ProjectEstimate.estimate(store, calibrate(false), log::add, new CancellationToken());
            assertThat(first.from()).isEqualTo(ProjectEstimate.RatesFrom.MEASURED);
            assertThat(log).anyMatch(l -> l.startsWith("CT step fp32"));
            assertThat(store.settings().getString(RatesCache.key("cpu"))).isPresent();

            // the Runs page reads the same cache without loading the checkpoint
            assertThat(ProjectEstimate.cached(store, "cpu")).hasValueSatisfying(c -> {
                assertThat(c.rates()).isEqualTo(first.rates());
                assertThat(c.sizes()).usingRecursiveComparison().isEqualTo(first.sizes());
                assertThat(c.clipParameters()).isEqualTo(first.clipParameters());
            });
            ProjectEstimate.Result second = ProjectEstimate.estimate(store, calibrate(false), l -> { }, new CancellationToken());
            assertThat(second.from()).isEqualTo(ProjectEstimate.RatesFrom.CACHED);
            assertThat(second.rates()).isEqualTo(first.rates());

            ProjectEstimate.Result third = ProjectEstimate.estimate(store, calibrate(true), l -> { }, new CancellationToken());
            assertThat(third.from()).isEqualTo(ProjectEstimate.RatesFrom.MEASURED);
            assertThat(third.rates().measuredAt()).isNotEqualTo(first.rates().measuredAt());
        }
    }

    @Test
    void ratesOfAnotherCheckpointAreNotReused() {
        try (ProjectStore store = ProjectStore.open(project)) {
            RatesCache.save(store.settings(), "cpu", new RatesCache.Entry("another-hash", TinyProject.TINY, 1, rates()));
            assertThat(RatesCache.load(store.settings(), "cpu", "another-hash")).contains(rates());
            assertThat(RatesCache.load(store.settings(), "cpu", "this-hash")).isEmpty();
            // alor info lists the settings a person sets, not the cached rates
            assertThat(org.alor.store.ProjectOverview.read(store, false).settings().keySet()).noneMatch(k -> k.startsWith("estimate"));
            store.settings().set(RatesCache.key("cpu"), "{not json");
            assertThat(RatesCache.load(store.settings(), "cpu", "another-hash")).isEmpty();
            store.settings().remove(RatesCache.key("cpu"));
        }
    }

    @Test
    void aRatesFileGivesEveryStageAndFinishedRoundsAreShownMeasuredBesideEstimated() throws Exception {
        Path file = shared.resolve("rates.json");
        Files.writeString(file, rates().toJson());
        try (ProjectStore store = ProjectStore.open(project)) {
            store.roundTable().insert(RoundRecord.planned(0, "lp", "tfs", 4, 6));
            store.roundTable().setSummary(0, "{\"method\":\"lp\",\"epochs\":5,\"batch_size\":128,\"precision\":\"fp32\","
                    + "\"train\":{\"labeled\":4,\"retrieved\":0},\"seconds\":0.5}");
            store.roundTable().updateStatus(0, RoundStatus.DONE);
            ProjectEstimate.Result r = ProjectEstimate.estimate(store, new ProjectEstimate.Request("cpu", 4, false, null, file),
                    l -> { }, new CancellationToken());
            assertThat(r.from()).isEqualTo(ProjectEstimate.RatesFrom.FILE);
            assertThat(r.sizes().classes()).isEqualTo(4);
            assertThat(r.stages()).extracting(StageTime::stage).containsExactly("retrieval ranking", "embedding",
                    "LP round", "FT round", "CT round", "PT round", "paper grid");
            assertThat(r.comparisons()).singleElement().satisfies(c -> {
                assertThat(c.measured().seconds()).isEqualTo(0.5);
                // 5 epochs × 4 images at 1,000 samples/s (measured at the project's 4 classes × 32)
                assertThat(c.estimatedSeconds()).isEqualTo(5 * 4 / 1000.0);
            });
            assertThat(String.join("\n", EstimateText.lines(r))).contains("Project: 4 classes")
                    .contains("from the rates file").contains("bf16: not available — no bf16 here")
                    .contains("measured 0.5 s, estimated").contains("paper grid");
        }
    }

    @Test
    void h200AnchorsNeedNoCalibrationOfTheGpuStages() throws Exception {
        try (ProjectStore store = ProjectStore.open(project)) {
            List<String> log = new ArrayList<>();
            ProjectEstimate.Result r = ProjectEstimate.estimate(store, new ProjectEstimate.Request("cpu", 4, false, "H200", null),
                    log::add, new CancellationToken());
            assertThat(r.from()).isEqualTo(ProjectEstimate.RatesFrom.ANCHORS);
            assertThat(r.rates().bf16()).isNotNull();
            assertThat(r.rates().notes()).anyMatch(n -> n.contains("not ViT-B/32"));
            assertThat(log).noneMatch(l -> l.contains("step")).anyMatch(l -> l.startsWith("LP epoch"));
        }
    }

    @Test
    void aMissingRatesFileOrUnknownAnchorsAreRefusedByName() {
        Path missing = shared.resolve("nope.json");
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThatThrownBy(() -> ProjectEstimate.estimate(store, new ProjectEstimate.Request("cpu", 4, false, null, missing),
                    l -> { }, new CancellationToken())).isInstanceOf(IOException.class).hasMessageContaining(missing.toString());
        }
        assertThatThrownBy(() -> new ProjectEstimate.Request("cpu", 4, false, "a100", null))
                .hasMessageContaining("unknown anchors 'a100'");
    }

    private static DeviceRates rates() {
        return new DeviceRates("test", "injected", "2026-12-03T00:00:00Z", new StageRates(100, 1000, 20, 10, 0.5, 4), null,
                "no bf16 here", 1000, 4, TinyProject.TINY.embedDim(), 0, List.of());
    }
}
