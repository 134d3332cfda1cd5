package org.alor.app;

import org.alor.app.common.AppPreferences;
import org.alor.app.common.ErrorReport;
import org.alor.app.settings.SettingsViewModel;
import org.alor.app.shell.DeviceLabel;
import org.alor.app.common.RecentProjects;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Preferences, recent projects, settings validation, error reports, start arguments. */
class SmallPartsTest {
    private final AppPreferences prefs = TestPrefs.fresh();

    @AfterEach
    void tearDown() {
        TestPrefs.release(prefs);
    }

    @Test
    void recentProjectsKeepTheNewestFirstWithoutDuplicates() {
        RecentProjects r = new RecentProjects(prefs.node());
        r.remember(new RecentProjects.Entry("a", "/p/a", 3, 1, 1));
        r.remember(new RecentProjects.Entry("b", "/p/b", 4, 2, 2));
        List<RecentProjects.Entry> list = r.remember(new RecentProjects.Entry("a", "/p/./a", 3, 5, 3));
        assertThat(list).extracting(RecentProjects.Entry::name).containsExactly("a", "b");
        assertThat(new RecentProjects(prefs.node()).list().get(0).rounds()).isEqualTo(5);
        assertThat(r.forget("/p/b")).extracting(RecentProjects.Entry::name).containsExactly("a");
        for (int i = 0; i < 20; i++) r.remember(new RecentProjects.Entry("x" + i, "/x/" + i, 0, 0, i));
        assertThat(r.list()).hasSize(RecentProjects.MAX);
        prefs.node().put(RecentProjects.KEY, "{broken");
        assertThat(r.list()).isEmpty();
    }

    @Test
    void settingsAreValidatedBeforeSaving() {
        SettingsViewModel vm = new SettingsViewModel(prefs);
        assertThat(vm.deviceProperty().get()).isEqualTo(AppPreferences.Device.AUTO);
        vm.threadsProperty().set(-1);
        assertThat(vm.save()).contains("Threads must be 0 (all cores) or more.");
        assertThat(prefs.threads()).isZero();
        vm.deviceProperty().set(AppPreferences.Device.CPU);
        vm.themeProperty().set(AppPreferences.Theme.DARK);
        vm.threadsProperty().set(4);
        vm.cacheFolderProperty().set("/tmp/alor-cache");
        vm.labelerProperty().set("ada");
        assertThat(vm.save()).isEmpty();
        assertThat(prefs.device()).isEqualTo(AppPreferences.Device.CPU);
        assertThat(prefs.theme()).isEqualTo(AppPreferences.Theme.DARK);
        assertThat(prefs.threads()).isEqualTo(4);
        assertThat(prefs.cacheFolder()).isEqualTo(Path.of("/tmp/alor-cache"));
        assertThat(prefs.labeler()).isEqualTo("ada");
        prefs.node().put(AppPreferences.DEVICE, "quantum");
        assertThat(prefs.device()).isEqualTo(AppPreferences.Device.AUTO);
        assertThat(DeviceLabel.describe(AppPreferences.Device.CPU, 4)).isEqualTo("CPU, 4 threads");
    }

    @Test
    void errorReportsGiveTheCauseChainAndTheDetails() {
        Exception e = new IllegalStateException("could not open /p/project.alor",
                new java.io.IOException("permission denied"));
        ErrorReport r = ErrorReport.of("Opening failed", e);
        assertThat(r.message()).isEqualTo("could not open /p/project.alor: permission denied");
        assertThat(r.details()).contains("IllegalStateException").contains("Caused by: java.io.IOException");
        assertThat(ErrorReport.of("x", new NullPointerException()).message()).isEqualTo("NullPointerException");
    }

    @Test
    void startArgumentsNameTheProject() {
        assertThat(AlorApp.projectArgument(List.of("--project", "/p"))).contains(Path.of("/p"));
        assertThat(AlorApp.projectArgument(List.of("--project=/q"))).contains(Path.of("/q"));
        assertThat(AlorApp.projectArgument(List.of("/r"))).contains(Path.of("/r"));
        assertThat(AlorApp.projectArgument(List.of("--verbose"))).isEqualTo(Optional.empty());
    }

    @Test
    void replayArgumentNamesARecordingAndIsNotTakenForTheProject() {
        assertThat(AlorApp.replayArgument(List.of("--replay", "/rec"))).contains(Path.of("/rec"));
        assertThat(AlorApp.replayArgument(List.of("--replay=/rec2"))).contains(Path.of("/rec2"));
        assertThat(AlorApp.projectArgument(List.of("--replay", "/rec"))).isEqualTo(Optional.empty());
        assertThat(AlorApp.projectArgument(List.of("--replay", "/rec", "/proj"))).contains(Path.of("/proj"));
        assertThat(AlorApp.replayArgument(List.of("/proj"))).isEqualTo(Optional.empty());
    }
}
