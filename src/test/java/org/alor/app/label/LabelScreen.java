package org.alor.app.label;

import org.alor.app.SyntheticBirds;
import org.alor.app.shell.ShellView;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.alor.data.ClassInfo;
import org.alor.store.ProjectStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The labeling screen on a synthetic round for FX tests; the robin also answers to the synonym "redbreast". */
final class LabelScreen {
    final ProjectStore store;
    final LabelingViewModel vm;
    final LabelingPane pane;

    private LabelScreen(ProjectStore store, LabelingViewModel vm, LabelingPane pane) {
        this.store = store;
        this.vm = vm;
        this.pane = pane;
    }

    static LabelScreen show(Stage stage, String name) throws Exception {
        return show(stage, name, s -> { });
    }

    /** @param before runs on the loaded session before the screen shows it (e.g. to replace an image file) */
    static LabelScreen show(Stage stage, String name, ThrowingConsumer<LabelingSession> before) throws Exception {
        Path dir = SyntheticBirds.project(Files.createTempDirectory(name), 6, 4);
        ProjectStore store = ProjectStore.open(dir);
        LabelingSession s = LabelingSession.load(store, 2, SyntheticBirds.truthFirst());
        List<ClassInfo> classes = new ArrayList<>();
        for (ClassInfo c : s.classes()) {
            Map<String, Integer> syn = new LinkedHashMap<>(c.synonyms());
            if (c.name().equals("Turdus migratorius")) syn.put("redbreast", 0);
            classes.add(new ClassInfo(c.id(), c.name(), c.mostCommonName(), syn));
        }
        before.accept(s);
        LabelingSession session = new LabelingSession(s.round(), classes, s.items(), s.states(), s.predictions(), s.references());
        LabelingViewModel vm = new LabelingViewModel(store, session, "tester", Runnable::run, e -> { });
        LabelingPane pane = new LabelingPane(vm);
        showOnStage(stage, pane);
        return new LabelScreen(store, vm, pane);
    }

    /** Puts a labeling pane on the test stage at 1200×760 in the light theme, keyboard focus on it. */
    static void showOnStage(Stage stage, LabelingPane pane) {
        Scene scene = new Scene(pane.root(), 1200, 760);
        scene.getStylesheets().add(ShellView.LIGHT_CSS);
        stage.setScene(scene);
        stage.show();
        pane.root().requestFocus();
    }

    interface ThrowingConsumer<T> {
        void accept(T t) throws Exception;
    }

    int classId(String name) {
        return vm.session().classes().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
    }

    /** Whether the node and all its parents are visible. */
    static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return n.getScene() != null;
    }
}
