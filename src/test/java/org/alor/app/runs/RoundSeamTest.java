package org.alor.app.runs;

import org.alor.app.shell.AppServices;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.common.BackgroundJobs;
import org.alor.app.shell.ShellViewModel;

import com.google.gson.JsonParser;
import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.alor.loop.FeatureSource;
import org.alor.loop.Method;
import org.alor.loop.ModelBackend;
import org.alor.loop.Precision;
import org.alor.loop.Project;
import org.alor.loop.RoundSpec;
import org.alor.loop.SyntheticWorld;
import org.alor.loop.TextEncoder;
import org.alor.select.Strategies;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the Runs page hands a round to the engine: its lists, its precision choice and the device preference. */
class RoundSeamTest {
    private static final SyntheticWorld WORLD = new SyntheticWorld();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final AtomicInteger closed = new AtomicInteger();
    private final AppPreferences prefs = TestPrefs.fresh();

    @TempDir
    Path tmp;

    @AfterEach
    void removePrefs() {
        TestPrefs.release(prefs);
    }

    /** The synthetic world's model, recording the device and threads each session opens it with. */
    private final ModelBackend.Factory fake = (device, threads) -> {
        opened.add(device + "/" + threads);
        return new ModelBackend() {
            @Override
            public FeatureSource featureSource(ProjectStore store) {
                return WORLD.featureSource(store);
            }

            @Override
            public TextEncoder textEncoder(ProjectStore store) {
                return WORLD.textEncoder();
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    };

    @Test
    void theFormListsEveryMethodAndEveryRegisteredStrategy() {
        assertThat(RunsView.methodChoices()).containsExactly(Method.values());
        assertThat(RunsView.strategyChoices()).containsExactlyElementsOf(Strategies.NAMES).hasSize(8)
                .contains("coreset", "badge", "pcb", "logo").doesNotContain("margin");
    }

    @Test
    void theNextRoundKeepsTheLabeledRoundsMethodAndStrategyButNotRoundZerosStandInZeroShot() {
        assertThat(RunsView.presetMethod("lp")).contains(Method.LP);
        assertThat(RunsView.presetMethod("CT")).contains(Method.CT);
        assertThat(RunsView.presetMethod("zeroshot")).isEmpty();
        assertThat(RunsView.presetMethod("nonsense")).isEmpty();
        assertThat(RunsView.presetStrategy("TFS")).contains("tfs");
        assertThat(RunsView.presetStrategy("none")).isEmpty();
    }

    /** The sample's case: round 0 ran zero-shot in place of LP and was cancelled; LP chosen again continues it. */
    @Test
    void aCancelledZeroShotRoundZeroStandingInForTheChosenMethodIsWhatTheNextStartRuns() throws Exception {
        try (ProjectStore store = SyntheticWorld.create(tmp.resolve("p"), false)) {
            RoundSpec lp = RunsView.spec(store.settings(), Method.LP, "tfs", 4, 2, 16, Precision.FP32);
            EngineRoundRunner runner = new EngineRoundRunner();
            assertThat(runner.nextRoundSpec(store, lp).method()).isEqualTo(Method.ZS);
            store.roundTable().insert(RoundRecord.planned(0, "zeroshot", "tfs", lp.seed(), 4));
            store.roundTable().updateStatus(0, RoundStatus.TRAINING);
            assertThat(runner.nextRoundSpec(store, lp).method()).isEqualTo(Method.ZS);
            store.roundTable().updateStatus(0, RoundStatus.DONE);
            assertThat(runner.nextRoundSpec(store, lp).method()).isEqualTo(Method.LP);
        }
    }

    @Test
    void aRoundRunsWithEachStrategyTheRunsPageOffers() throws Exception {
        for (String strategy : RunsView.strategyChoices()) {
            try (ProjectStore store = SyntheticWorld.create(tmp.resolve(strategy));
                 Project session = Project.on(store).optBackend(fake).build()) {
                RoundSpec spec = RunsView.spec(store.settings(), Method.LP, strategy, 4, 2, 16, Precision.FP32);
                int round = new EngineRoundRunner().runRound(session, spec, Progress.NONE, new CancellationToken());
                RoundRecord rec = store.roundTable().byIndex(round).orElseThrow();
                assertThat(rec.strategy()).isEqualTo(strategy);
                assertThat(rec.status()).as(strategy).isEqualTo(RoundStatus.LABELING);
                assertThat(store.roundTable().selections(round)).as(strategy).hasSize(4);
            }
        }
    }

    @Test
    void thePrecisionChoiceReachesTheRoundOrIsRefusedWithTheReason() throws Exception {
        try (ProjectStore store = SyntheticWorld.create(tmp.resolve("p"));
             Project session = Project.on(store).optBackend(fake).build()) {
            assertThatThrownBy(() -> RunsView.spec(store.settings(), Method.CT, "tfs", 4, 2, 16, Precision.FP16))
                    .hasMessageContaining("precision fp16 is not available");
            RoundSpec spec = RunsView.spec(store.settings(), Method.LP, "tfs", 4, 2, 16, Precision.FP32);
            assertThat(spec.precision()).isEqualTo(Precision.FP32);
            int round = new EngineRoundRunner().runRound(session, spec, Progress.NONE, new CancellationToken());
            String summary = store.roundTable().byIndex(round).orElseThrow().summaryJson();
            assertThat(JsonParser.parseString(summary).getAsJsonObject().get("precision").getAsString()).isEqualTo("fp32");
        }
    }

    @Test
    void aDeviceOrThreadsChangeInSettingsIsUsedByTheNextJob() throws Exception {
        ShellViewModel model = new ShellViewModel(new BackgroundJobs(), AppServices.none().withBackends(fake), prefs);
        try (ProjectStore store = SyntheticWorld.create(tmp.resolve("p"))) {
            prefs.setDevice(AppPreferences.Device.CPU);
            prefs.setThreads(3);
            RoundSpec spec = RunsView.spec(store.settings(), Method.LP, "tfs", 4, 2, 16, Precision.FP32);
            Project first = model.session(store);
            new EngineRoundRunner().runRound(first, spec, Progress.NONE, new CancellationToken());
            assertThat(opened).containsExactly("cpu/3");
            assertThat(model.session(store)).as("unchanged settings keep the session and its loaded model").isSameAs(first);
            assertThat(opened).hasSize(1);

            prefs.setDevice(AppPreferences.Device.GPU);
            new EngineRoundRunner().runRound(model.session(store), spec, Progress.NONE, new CancellationToken());
            assertThat(opened).containsExactly("cpu/3", "gpu/3");
            assertThat(closed).as("the previous session's model is released").hasValue(1);

            prefs.setThreads(1);
            model.session(store).backend();
            assertThat(opened).containsExactly("cpu/3", "gpu/3", "gpu/1");
            model.close();
            assertThat(closed).hasValue(3);
        }
    }
}
