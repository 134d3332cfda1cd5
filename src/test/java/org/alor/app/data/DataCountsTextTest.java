package org.alor.app.data;

import org.alor.data.Split;
import org.alor.store.ProjectOverview;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Data page's line of counts says "1 round", not "1 rounds" (issue 17 item 6). */
class DataCountsTextTest {
    private static ProjectOverview overview(int roundsRun) {
        return new ProjectOverview("p", Path.of("p"), Map.of(), List.of(), Map.of(Split.POOL, 10), 3, 0, roundsRun,
                roundsRun, List.of(), List.of());
    }

    @Test
    void oneRoundIsSingularOthersPlural() {
        assertThat(DataView.countsText(overview(1))).contains("0 unsure · 1 round\n");
        assertThat(DataView.countsText(overview(0))).contains("0 unsure · 0 rounds\n");
        assertThat(DataView.countsText(overview(2))).contains("0 unsure · 2 rounds\n");
    }
}
