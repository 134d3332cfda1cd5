package org.alor.app.runs;

import org.alor.app.common.JobProgress;

import org.alor.job.Phase;
import org.alor.job.CancellationToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveProgressTest {
    @Test
    void engineStepsAndEpochScoresBecomeLiveCurvesAndCancelReachesTheEngine() {
        List<String> metrics = new ArrayList<>();
        boolean[] cancelled = {false};
        JobProgress job = new JobProgress() {
            @Override
            public void update(String message, double fraction) {
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }

            @Override
            public void metric(String series, double x, double y) {
                metrics.add(series + "@" + x + "=" + y);
            }
        };
        CancellationToken token = CancellationToken.following(job::isCancelled);
        EngineRoundRunner.LiveProgress live = new EngineRoundRunner.LiveProgress(job);
        live.step(2, 3, 5, 10, 0.75, 100, 30);
        live.epoch(2, 3, 0.5);
        live.epoch(3, 3, Double.NaN);
        assertThat(metrics).containsExactly("train loss@1.5=0.75", "val accuracy@2.0=0.5");

        live.phase(Phase.TRAINING, 1, 2, "epoch 1/2");
        assertThat(token.isCancelled()).isFalse();
        cancelled[0] = true;
        assertThat(token.isCancelled()).as("seen without waiting for the next progress event").isTrue();
        cancelled[0] = false;
        assertThat(token.isCancelled()).as("a cancel is final").isTrue();
    }
}
