package org.alor.app.shell;

import org.alor.data.Split;
import org.alor.store.ProjectOverview;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectSummaryTextTest {
    private static ProjectOverview overview(int roundsRun) {
        return new ProjectOverview("p", Path.of("p"), Map.of(), List.of(), Map.of(Split.POOL, 10), 3, 0, roundsRun,
                roundsRun, List.of(), List.of());
    }

    @Test
    void oneRoundIsSingularOthersPlural() {
        assertThat(ShellViewModel.summary(overview(1))).endsWith("3 labeled · 1 round");
        assertThat(ShellViewModel.summary(overview(0))).endsWith("0 rounds");
        assertThat(ShellViewModel.summary(overview(2))).endsWith("2 rounds");
    }
}
