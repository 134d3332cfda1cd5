package org.alor.app.common;

import org.alor.app.TestPrefs;
import org.alor.app.settings.SettingsViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 15: demo mode turns safe content on, as the README says, also after Settings were saved once. */
class DemoModeSafeContentTest {
    private final AppPreferences prefs = TestPrefs.fresh();

    @AfterEach
    void release() {
        TestPrefs.release(prefs);
    }

    @Test
    void demoModeTurnsSafeContentOnAndLeavingItRestoresTheChoice() {
        new SettingsViewModel(prefs).save(); // Settings → Save records safe content off explicitly
        assertThat(prefs.safeContent()).isFalse();

        prefs.setDemoMode(true); // Home → Demo mode
        assertThat(prefs.safeContent()).isTrue();

        prefs.setDemoMode(false); // Home → Leave demo mode
        assertThat(prefs.safeContent()).isFalse();
    }

    @Test
    void safeContentSwitchedOffDuringDemoModeStaysOffUntilDemoModeEnds() {
        prefs.setSafeContent(true);
        prefs.setDemoMode(true);
        prefs.setSafeContent(false);
        assertThat(prefs.safeContent()).isFalse();
        prefs.setDemoMode(false);
        assertThat(prefs.safeContent()).isTrue();
    }

    @Test
    void settingsPageLeavingDemoModeShowsTheSafeContentFromBefore() {
        prefs.setSafeContent(false);
        prefs.setDemoMode(true);
        SettingsViewModel vm = new SettingsViewModel(prefs);
        assertThat(vm.safeContentProperty().get()).isTrue();
        vm.demoModeProperty().set(false);
        assertThat(vm.safeContentProperty().get()).isFalse();
        vm.save();
        assertThat(prefs.safeContent()).isFalse();
        assertThat(prefs.demoMode()).isFalse();
    }
}
