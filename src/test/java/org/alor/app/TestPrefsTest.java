package org.alor.app;

import org.alor.app.common.AppPreferences;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class TestPrefsTest {
    @Test
    void aLateReaderOfAReleasedNodeStillGetsItsValues() {
        AppPreferences prefs = TestPrefs.fresh();
        prefs.setLabeler("ada");
        TestPrefs.release(prefs);
        assertThatCode(prefs::labeler).as("a background job finishing after the test reads the node").doesNotThrowAnyException();
        assertThat(prefs.labeler()).isEqualTo("ada");
    }

    @Test
    void freshNodesDoNotShareValues() {
        AppPreferences a = TestPrefs.fresh();
        AppPreferences b = TestPrefs.fresh();
        a.setDemoMode(true);
        assertThat(b.demoMode()).isFalse();
    }
}
