package org.alor.app.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One ETA formatter for the whole app (issue 17 item 8: "ETA 2594 s" beside "ETA 3 min"). */
class EtaTextTest {
    @Test
    void secondsBecomeMinutesAndHoursAsTheyGrow() {
        assertThat(EtaText.of(0.2)).isEqualTo("ETA 1 s");
        assertThat(EtaText.of(45)).isEqualTo("ETA 45 s");
        assertThat(EtaText.of(130)).isEqualTo("ETA 2 min 10 s");
        assertThat(EtaText.of(2594)).isEqualTo("ETA 43 min");
        assertThat(EtaText.of(3 * 3600 + 25 * 60)).isEqualTo("ETA 3 h 25 min");
    }

    @Test
    void aTimeTakenIsSaidInTheSameWordsWithoutEta() {
        assertThat(EtaText.duration(103.6)).isEqualTo("1 min 44 s");
        assertThat(EtaText.duration(2594)).isEqualTo("43 min");
        assertThat(EtaText.duration(Double.NaN)).isEmpty();
    }

    @Test
    void anUnknownTimeShowsNoEta() {
        assertThat(EtaText.of(Double.NaN)).isEmpty();
        assertThat(EtaText.of(-1)).isEmpty();
        assertThat(EtaText.of(Double.POSITIVE_INFINITY)).isEmpty();
    }
}
