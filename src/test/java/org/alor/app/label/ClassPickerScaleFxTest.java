package org.alor.app.label;

import org.alor.app.SyntheticBirds;

import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.alor.data.ClassInfo;
import org.alor.store.ProjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The picker over 200 classes with 4 reference thumbnails each: cells are reused, thumbnails decode in the background. */
@ExtendWith(ApplicationExtension.class)
class ClassPickerScaleFxTest {
    private static final int CLASSES = 200;
    private ProjectStore store;
    private LabelingViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = SyntheticBirds.project(Files.createTempDirectory("alor-picker200"), 6, 4);
        store = ProjectStore.open(dir);
        LabelingSession s = LabelingSession.load(store, 2, SyntheticBirds.truthFirst());
        List<Path> images = s.references().values().stream().flatMap(List::stream).toList();
        List<ClassInfo> classes = new ArrayList<>();
        Map<Integer, List<Path>> refs = new HashMap<>();
        for (int i = 0; i < CLASSES; i++) {
            Map<String, Integer> syn = new LinkedHashMap<>();
            syn.put("Species " + i, 0);
            classes.add(new ClassInfo(i, "Species " + i, "Bird " + i, syn));
            List<Path> r = new ArrayList<>();
            for (int k = 0; k < 4; k++) r.add(images.get((4 * i + k) % images.size()));
            refs.put(i, r);
        }
        LabelingSession big = new LabelingSession(s.round(), classes, s.items(), s.states(), s.predictions(), refs);
        vm = new LabelingViewModel(store, big, "tester", Runnable::run, e -> { });
        LabelingPane pane = new LabelingPane(vm);
        LabelScreen.showOnStage(stage, pane);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void twoHundredClassesScrollWithFewCellsAndBackgroundThumbnails(FxRobot robot) {
        robot.type(KeyCode.SLASH);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<ClassSearch.ClassMatch> list = robot.lookup("#class-picker-list").queryListView();
        assertThat(robot.lookup("#class-search").queryAs(javafx.scene.control.TextField.class).getText())
                .as("\"/\" opens the picker without typing itself").isEmpty();
        assertThat(list.getItems()).hasSize(CLASSES);
        robot.type(KeyCode.DOWN, KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getSelectionModel().getSelectedIndex()).isEqualTo(2);
        java.util.Set<javafx.scene.Node> framesBefore = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        framesBefore.addAll(robot.lookup(".picker-thumb").queryAll());
        // the UI thread's share of walking every row (each step re-lays out the list, filling reused cells)
        long[] nanos = new long[1];
        robot.interact(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < CLASSES; i++) {
                vm.handle(LabelCommand.of(LabelCommand.Kind.SEARCH_DOWN));
                list.getScene().getRoot().applyCss();
                list.getScene().getRoot().layout();
            }
            nanos[0] = System.nanoTime() - start;
        });
        System.out.printf("picker: %d rows walked in %.0f ms of UI time (%.2f ms a step)%n", CLASSES, nanos[0] / 1e6, nanos[0] / 1e6 / CLASSES);
        assertThat(list.getSelectionModel().getSelectedIndex()).isEqualTo(CLASSES - 1);
        // timing is printed, not asserted (the machine may be loaded); what keeps it fast is that scrolling
        // refills the cells' thumbnail frames instead of building new ones
        long newFrames = robot.lookup(".picker-thumb").queryAll().stream().filter(n -> !framesBefore.contains(n)).count();
        assertThat(newFrames).as("thumbnail frames built while walking 200 rows").isLessThanOrEqualTo(8);
        int cells = robot.lookup(".picker-row").queryAll().size();
        assertThat(cells).as("virtualised: only about a screenful of cells").isLessThan(30);
        List<ImageView> thumbs = robot.lookup(".picker-thumb").queryAllAs(ImageView.class).stream().toList();
        assertThat(thumbs).isNotEmpty().allSatisfy(v -> assertThat(v.getImage().isBackgroundLoading()).isTrue());
    }
}
