package org.alor.app.label;

import org.alor.app.SyntheticBirds;

import javafx.scene.input.KeyCode;
import org.alor.store.LabelEvent;
import org.alor.store.LabelKind;
import org.alor.store.LabelState;
import org.alor.store.ProjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The labeling queue logic over a real store, without a screen. */
class LabelingViewModelTest {
    @TempDir
    Path tmp;
    private ProjectStore store;
    private LabelingViewModel vm;
    private List<QueueItem> items;

    @BeforeEach
    void setUp() throws Exception {
        Path dir = SyntheticBirds.project(tmp, 8, 6);
        store = ProjectStore.open(dir);
        vm = open();
        items = vm.session().items();
    }

    private LabelingViewModel open() {
        LabelingSession s = LabelingSession.load(store, 2, SyntheticBirds.truthFirst());
        return new LabelingViewModel(store, s, "tester", Runnable::run, e -> {
            throw new AssertionError(e);
        });
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private QueueItem current() {
        return vm.currentItemProperty().get();
    }

    private int truth(QueueItem i) {
        return i.sample().trueLabel();
    }

    @Test
    void itemsComeInPickOrderWithReasonAndSuggestions() {
        assertThat(items).hasSize(6);
        assertThat(items).extracting(i -> i.selection().rank()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(current()).isEqualTo(items.get(0));
        assertThat(vm.reasonProperty().get()).startsWith("tail class ").contains("entropy 2.71");
        assertThat(vm.suggestions()).hasSize(5);
        assertThat(vm.suggestions().get(0).classId()).isEqualTo(truth(items.get(0)));
        assertThat(vm.suggestions().get(0).probability()).isEqualTo(0.55);
        assertThat(vm.progressProperty().get()).isEqualTo("0 / 6 this round");
    }

    @Test
    void acceptingMovesOnAndWritesALabelEvent() {
        vm.onKey(KeyStroke.plain(KeyCode.DIGIT1, "1"));
        assertThat(current()).isEqualTo(items.get(1));
        assertThat(store.labelLog().current(items.get(0).sampleId())).map(LabelState::classId).contains(truth(items.get(0)));
        assertThat(store.labelLog().current(items.get(0).sampleId())).map(LabelState::round).contains(2);
        assertThat(vm.progressProperty().get()).isEqualTo("1 / 6 this round");
        vm.onKey(KeyStroke.plain(KeyCode.DIGIT2, "2"));
        int second = (truth(items.get(1)) + 1) % store.classTable().all().size();
        assertThat(store.labelLog().current(items.get(1).sampleId())).map(LabelState::classId).contains(second);
    }

    @Test
    void skippedItemsComeBackAtTheEnd() {
        vm.skip();
        assertThat(current()).isEqualTo(items.get(1));
        for (int i = 1; i < 6; i++) vm.accept(1);
        assertThat(current()).isEqualTo(items.get(0));
        assertThat(vm.queue().entries().get(5).item()).isEqualTo(items.get(0));
        vm.accept(1);
        assertThat(vm.finishedProperty().get()).isTrue();
        assertThat(vm.progressProperty().get()).isEqualTo("6 / 6 this round");
        assertThat(store.labelLog().history(items.get(0).sampleId())).extracting(LabelEvent::kind)
                .containsExactly(LabelKind.SKIP, LabelKind.LABEL);
    }

    @Test
    void unsureItemsGoToTheReviewQueue() {
        vm.unsure();
        vm.accept(1);
        vm.unsure();
        assertThat(vm.queue().count(ItemStatus.UNSURE)).isEqualTo(2);
        assertThat(vm.headerProperty().get()).contains("2 unsure");
        vm.setReview(true);
        assertThat(current()).isEqualTo(items.get(0));
        vm.accept(1);
        assertThat(current()).isEqualTo(items.get(2));
        vm.accept(1);
        // issue 17 item 3: the last unsure one resolved is not "round complete" while picks are still open
        assertThat(vm.finishedProperty().get()).isFalse();
        assertThat(vm.reviewProperty().get()).as("review ends with the last unsure image").isFalse();
        assertThat(current()).isEqualTo(items.get(3));
        assertThat(vm.headerProperty().get()).doesNotContain("reviewing");
        assertThat(store.labelLog().current().get(items.get(0).sampleId()).kind()).isEqualTo(LabelKind.LABEL);
        for (int i = 3; i < 6; i++) vm.accept(1);
        assertThat(vm.finishedProperty().get()).isTrue();
        assertThat(vm.progressProperty().get()).isEqualTo("6 / 6 this round");
    }

    @Test
    void theRoundIsCompleteOnlyWhenEveryPickHasADecision() {
        for (int i = 0; i < 5; i++) vm.accept(1);
        assertThat(vm.finishedProperty().get()).isFalse();
        vm.setReview(true); // no unsure image: nothing to review, the last pick stays current
        assertThat(vm.finishedProperty().get()).isFalse();
        assertThat(current()).isEqualTo(items.get(5));
        vm.unsure();
        assertThat(vm.finishedProperty().get()).as("unsure is a decision").isTrue();
        assertThat(current()).isNull();
        assertThat(vm.nextRoundProperty().get()).isEqualTo("Start round 3");
        assertThat(vm.completionProperty().get()).isEqualTo("Round 2 complete: every picked image has a decision"
                + " (5 labeled, 1 unsure).");
    }

    @Test
    void undoRestoresThePreviousItemAndState() {
        vm.accept(1);
        vm.skip();
        assertThat(current()).isEqualTo(items.get(2));
        vm.onKey(KeyStroke.ctrl(KeyCode.Z));
        assertThat(current()).isEqualTo(items.get(1));
        assertThat(vm.queue().entries().get(1).item()).isEqualTo(items.get(1));
        assertThat(vm.queue().current().status()).isEqualTo(ItemStatus.PENDING);
        assertThat(store.labelLog().current(items.get(1).sampleId())).isEmpty();
        vm.onKey(KeyStroke.plain(KeyCode.BACK_SPACE));
        assertThat(current()).isEqualTo(items.get(0));
        assertThat(store.labelLog().current(items.get(0).sampleId())).isEmpty();
        assertThat(vm.progressProperty().get()).isEqualTo("0 / 6 this round");
        vm.redo();
        assertThat(store.labelLog().current(items.get(0).sampleId())).map(LabelState::classId).contains(truth(items.get(0)));
        assertThat(current()).isEqualTo(items.get(1));
        vm.undo();
        vm.undo();
        assertThat(vm.queue().canUndo()).isFalse();
        assertThat(store.labelLog().current()).isEmpty();
    }

    @Test
    void aCorrectionIsANewEventAndUndoRestoresTheOldLabel() {
        vm.accept(1);
        vm.previous();
        assertThat(current()).isEqualTo(items.get(0));
        assertThat(vm.currentLabelProperty().get()).startsWith("Labeled ");
        vm.accept(3);
        int corrected = vm.session().predictions().get(items.get(0).sampleId()).get(2).classId();
        assertThat(store.labelLog().current(items.get(0).sampleId())).map(LabelState::classId).contains(corrected);
        vm.undo();
        assertThat(store.labelLog().current(items.get(0).sampleId())).map(LabelState::classId).contains(truth(items.get(0)));
        assertThat(vm.queue().current().classId()).isEqualTo(truth(items.get(0)));
    }

    @Test
    void reopeningRestoresDecisionsFromTheStore() {
        vm.accept(1);
        vm.unsure();
        vm.skip();
        LabelingViewModel again = open();
        assertThat(again.queue().count(ItemStatus.LABELED)).isEqualTo(1);
        assertThat(again.queue().count(ItemStatus.UNSURE)).isEqualTo(1);
        assertThat(again.queue().entries().get(5).item()).isEqualTo(items.get(2));
        assertThat(again.currentItemProperty().get()).isEqualTo(items.get(3));
        assertThat(again.queue().canUndo()).isFalse();
    }

    @Test
    void typingSearchesAndEnterAssignsTheTopMatch() {
        vm.onKey(KeyStroke.plain(KeyCode.R, "r"));
        assertThat(vm.searchOpenProperty().get()).isTrue();
        assertThat(vm.searchQueryProperty().get()).isEqualTo("r");
        vm.searchQueryProperty().set("robin");
        assertThat(vm.searchResults()).extracting(ClassSearch.ClassMatch::name).containsExactly("Turdus migratorius");
        vm.onKey(KeyStroke.plain(KeyCode.ENTER));
        assertThat(vm.searchOpenProperty().get()).isFalse();
        int robin = store.classTable().all().stream().filter(c -> c.name().equals("Turdus migratorius")).findFirst().orElseThrow().id();
        assertThat(store.labelLog().current(items.get(0).sampleId())).map(LabelState::classId).contains(robin);
    }

    @Test
    void prefetchNamesTheNextOpenImages() {
        assertThat(vm.prefetch(3)).containsExactly(items.get(1).file(), items.get(2).file(), items.get(3).file());
        vm.accept(1);
        assertThat(vm.prefetch(2)).containsExactly(items.get(2).file(), items.get(3).file());
    }

    @Test
    void referencesListLabeledPoolImagesBeforeRetrievedAndVal() {
        vm.accept(1);
        int cls = truth(items.get(0));
        LabelingSession s = LabelingSession.load(store, 2, SyntheticBirds.truthFirst());
        List<Path> refs = s.references().get(cls);
        assertThat(refs.get(0)).isEqualTo(items.get(0).file());
        Map<Integer, List<Path>> all = s.references();
        assertThat(all.get(0)).anySatisfy(p -> assertThat(p.toString()).contains("retrieval"));
        assertThat(all.values()).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(LabelingSession.REFERENCES_PER_CLASS));

        // safe content without the project's permission: no retrieved (web) image as a reference
        LabelingSession safe = LabelingSession.load(store, 2, SyntheticBirds.truthFirst(), false);
        assertThat(safe.references().values()).allSatisfy(l -> assertThat(l).noneSatisfy(p -> assertThat(p.toString()).contains("retrieval")));
        assertThat(safe.references().get(cls).get(0)).isEqualTo(items.get(0).file());
    }

    @Test
    void gridModeAssignsOneClassToEverySelectedImage() {
        vm.handle(LabelCommand.of(LabelCommand.Kind.TOGGLE_GRID));
        vm.select(items.get(1), false, false);
        vm.select(items.get(3), false, true);
        vm.select(items.get(5), true, false);
        assertThat(vm.gridSelection()).containsExactly(items.get(1), items.get(2), items.get(3), items.get(5));
        vm.label(4);
        assertThat(vm.gridSelection()).isEmpty();
        for (int i : new int[]{1, 2, 3, 5}) {
            assertThat(store.labelLog().current(items.get(i).sampleId())).map(LabelState::classId).contains(4);
        }
        assertThat(store.labelLog().current(items.get(0).sampleId())).isEmpty();
        assertThat(current()).isEqualTo(items.get(0));
        assertThat(vm.progressProperty().get()).isEqualTo("4 / 6 this round");
        vm.undo();
        assertThat(store.labelLog().current(items.get(5).sampleId())).isEmpty();
        assertThat(vm.progressProperty().get()).isEqualTo("3 / 6 this round");
    }
}
