package org.alor.app.common;

import org.alor.job.Phase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveProgressTest {
    @Test
    void trainingStepsAndEpochScoresBecomeLiveCurvesAndPhasesTheStatusLine() {
        List<String> metrics = new ArrayList<>();
        List<String> status = new ArrayList<>();
        LiveProgress live = new LiveProgress(new LiveProgress.Status() {
            @Override
            public void update(String message, double fraction) {
                status.add(message + " @" + fraction);
            }

            @Override
            public void metric(String series, double x, double y) {
                metrics.add(series + "@" + x + "=" + y);
            }
        });
        live.step(2, 4, 5, 10, 0.75, 100, 30);
        live.epoch(2, 3, 0.5);
        live.epoch(3, 3, Double.NaN);
        assertThat(metrics).containsExactly("train loss@1.5=0.75", "val accuracy@2.0=0.5");
        assertThat(status.get(0)).as("the bar fills over the whole training, not one epoch")
                .isEqualTo("training: epoch 2/4 step 5/10: loss 0.7500, 100.0 images/s, ETA 30 s @0.375");

        status.clear();
        live.phase(Phase.SELECTING, 1, 4, "selecting 4 with tfs");
        live.phase(Phase.DONE, 2, 0, "");
        live.notice("training on cpu");
        assertThat(status).containsExactly("selecting: selecting 4 with tfs @0.25", "done @-1.0", "training on cpu @-1.0");
    }
}
