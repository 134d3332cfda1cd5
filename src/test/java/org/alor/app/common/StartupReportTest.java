package org.alor.app.common;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StartupReportTest {
    @Test
    void namesTheMillisecondsFromProcessStartToTheShownWindow() {
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        assertThat(StartupReport.line(start, start.plusMillis(3250))).isEqualTo("alor-studio: window shown after 3250 ms");
    }

    @Test
    void aClockStepBackwardsGivesZeroNotANegativeTime() {
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        assertThat(StartupReport.line(start, start.minusMillis(5))).endsWith(" 0 ms");
    }
}
