package org.alor.app.runs;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.alor.app.TestPrefs;
import org.alor.app.common.AppPreferences;
import org.alor.app.common.BackgroundJobs;
import org.alor.app.common.OpenProject;
import org.alor.app.shell.AppServices;
import org.alor.app.shell.ShellViewModel;
import org.alor.data.ClassInfo;
import org.alor.loop.Precision;
import org.alor.loop.RoundSpec;
import org.alor.store.ProjectOverview;
import org.alor.store.ProjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Runs page's precision choice: fp32 and bf16 only, and the chosen one is the precision the round runs in. */
@ExtendWith(ApplicationExtension.class)
class RunsPrecisionFxTest {
    private final BackgroundJobs jobs = new BackgroundJobs();
    private final AppPreferences prefs = TestPrefs.fresh();
    private ProjectStore store;
    private ShellViewModel model;
    private volatile RoundSpec asked;

    @Start
    void start(Stage stage) throws Exception {
        store = ProjectStore.create(Files.createTempDirectory("alor-precision"));
        store.classTable().replace(List.of(ClassInfo.named(0, "Sialia sialis"), ClassInfo.named(1, "Turdus migratorius")));
        RoundRunner fake = (session, request, progress, token) -> {
            asked = request;
            return 0;
        };
        model = new ShellViewModel(jobs, AppServices.none().withRounds(fake), prefs);
        RunsView view = new RunsView(model, new OpenProject(store, ProjectOverview.read(store, false)), model.services().rounds());
        stage.setScene(new Scene(view.root(), 1100, 720));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        jobs.shutdown();
        store.close();
        TestPrefs.release(prefs);
    }

    @Test
    void offersFp32AndBf16AndTheChosenBf16IsWhatTheRoundRunsIn(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<Precision> precision = robot.lookup("#round-precision").queryAs(ComboBox.class);
        assertThat(precision.getItems()).containsExactly(Precision.FP32, Precision.BF16);
        robot.interact(() -> precision.setValue(Precision.BF16));
        robot.clickOn("#start-round");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> asked != null);
        assertThat(asked.precision()).isEqualTo(Precision.BF16);
    }

    @Test
    void theDefaultIsTheProjectSettingUnlessTheDeviceHasNoFastBf16() {
        store.settings().set(Precision.SETTING, "bf16");
        assertThat(RunsView.defaultPrecision(store.settings(), true)).isEqualTo(Precision.BF16);
        assertThat(RunsView.defaultPrecision(store.settings(), false)).isEqualTo(Precision.FP32);
        store.settings().set(Precision.SETTING, "fp32");
        assertThat(RunsView.defaultPrecision(store.settings(), true)).isEqualTo(Precision.FP32);
        store.settings().set(Precision.SETTING, "auto");
        assertThat(RunsView.defaultPrecision(store.settings(), true)).isEqualTo(Precision.BF16);
        assertThat(RunsView.defaultPrecision(store.settings(), false)).isEqualTo(Precision.FP32);
    }
}
