package org.alor.store;

import org.alor.data.Split;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelLogTest {
    @TempDir
    Path tmp;
    ProjectStore store;
    long a, b, c;

    @BeforeEach
    void setUp() {
        store = TestProjects.withPool(tmp, 3);
        List<StoredSample> pool = store.samples(Split.POOL);
        a = pool.get(0).id();
        b = pool.get(1).id();
        c = pool.get(2).id();
        store.insertRound(RoundRecord.planned(0, "CT", "TFS", 666, 3));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void latestEventIsTheCurrentState() {
        store.addLabel(a, 1, "ann", 0);
        store.addLabel(a, 2, "ann", 0);
        store.markUnsure(b, "bob", null);
        Map<Long, LabelState> now = store.currentLabels();
        assertThat(now).containsOnlyKeys(a, b);
        assertThat(now.get(a).kind()).isEqualTo(LabelKind.LABEL);
        assertThat(now.get(a).classId()).isEqualTo(2);
        assertThat(now.get(a).round()).isEqualTo(0);
        assertThat(now.get(b).kind()).isEqualTo(LabelKind.UNSURE);
        assertThat(now.get(b).classId()).isNull();
        assertThat(now.get(b).isLabeled()).isFalse();
        assertThat(store.currentLabel(c)).isEmpty();
        store.markSkip(a, "ann", 0);
        assertThat(store.currentLabel(a)).get().extracting(LabelState::kind).isEqualTo(LabelKind.SKIP);
        assertThat(store.labelCounts()).isEmpty();
    }

    @Test
    void undoRestoresThePreviousStateWithoutDeletingRows() {
        long e1 = store.addLabel(a, 1, "ann", null);
        long e2 = store.addLabel(a, 2, "ann", null);
        long u = store.undo(e2, "ann");
        assertThat(store.currentLabel(a)).get().extracting(LabelState::classId, LabelState::eventId).containsExactly(1, e1);
        store.undo(e1, "ann");
        assertThat(store.currentLabel(a)).isEmpty();
        assertThat(store.labelEventCount()).isEqualTo(4);

        List<LabelEvent> h = store.labelHistory(a);
        assertThat(h).extracting(LabelEvent::kind)
                .containsExactly(LabelKind.LABEL, LabelKind.LABEL, LabelKind.UNDO, LabelKind.UNDO);
        assertThat(h).extracting(LabelEvent::effective).containsExactly(false, false, true, true);
        assertThat(h.get(2).id()).isEqualTo(u);
        assertThat(h.get(2).reverts()).isEqualTo(e2);
    }

    @Test
    void undoingAnUndoReappliesItsTarget() {
        long e1 = store.addLabel(a, 1, "ann", null);
        long u1 = store.undo(e1, "ann");
        long u2 = store.undo(u1, "ann");
        assertThat(store.currentLabel(a)).get().extracting(LabelState::classId).isEqualTo(1);
        long u3 = store.undo(u2, "ann");
        assertThat(store.currentLabel(a)).isEmpty();
        assertThat(store.currentLabels()).doesNotContainKey(a);
        // after u1 was cancelled and re-applied, e1 is undone again and may not be undone twice
        assertThatThrownBy(() -> store.undo(e1, "ann"))
                .isInstanceOf(StoreException.class).hasMessageContaining("already undone");
        assertThatThrownBy(() -> store.undo(u2, "ann")).hasMessageContaining("already undone");
        assertThat(store.labelHistory(a)).extracting(LabelEvent::id, LabelEvent::effective)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(e1, false), org.assertj.core.groups.Tuple.tuple(u1, true),
                        org.assertj.core.groups.Tuple.tuple(u2, false), org.assertj.core.groups.Tuple.tuple(u3, true));
        assertThatThrownBy(() -> store.undo(12345, "ann")).hasMessageContaining("no label event 12345");
    }

    @Test
    void undoLastWalksBackOnePersonsActionsAcrossSamples() {
        store.addLabel(a, 0, "ann", 0);
        store.addLabel(b, 1, "ann", 0);
        store.addLabel(c, 2, "oracle", 0);
        store.markUnsure(a, "ann", 0);

        assertThat(store.undoLast("ann")).get().extracting(LabelEvent::sampleId).isEqualTo(a);
        assertThat(store.currentLabel(a)).get().extracting(LabelState::classId).isEqualTo(0);
        assertThat(store.undoLast("ann")).get().extracting(LabelEvent::sampleId).isEqualTo(b);
        assertThat(store.undoLast("ann")).get().extracting(LabelEvent::sampleId).isEqualTo(a);
        assertThat(store.undoLast("ann")).isEmpty();
        assertThat(store.currentLabels()).containsOnlyKeys(c);
        assertThat(store.labelCounts()).containsExactly(Map.entry(2, 1));
    }

    @Test
    void redoReappliesUndoneActionsUntilANewActionEndsTheChain() {
        store.addLabel(a, 0, "ann", null);
        store.addLabel(b, 1, "ann", null);
        store.undoLast("ann");
        store.undoLast("ann");
        assertThat(store.currentLabels()).isEmpty();

        Optional<LabelEvent> r1 = store.redoLast("ann");
        assertThat(r1).isPresent();
        assertThat(store.currentLabels()).containsOnlyKeys(a);
        store.redoLast("ann");
        assertThat(store.currentLabels()).containsOnlyKeys(a, b);
        assertThat(store.redoLast("ann")).isEmpty();

        store.undoLast("ann");
        assertThat(store.currentLabels()).containsOnlyKeys(a);
        store.addLabel(c, 2, "ann", null);
        assertThat(store.redoLast("ann")).as("a new action ends the redo chain").isEmpty();
        assertThat(store.currentLabels()).containsOnlyKeys(a, c);
    }

    @Test
    void anotherPersonsUndoIsRespected() {
        long e = store.addLabel(a, 0, "ann", null);
        store.undo(e, "bob");
        assertThat(store.undoLast("ann")).isEmpty();
        assertThat(store.labelCounts()).isEmpty();
    }

    @Test
    void invalidEventsAreRefusedClearly() {
        assertThatThrownBy(() -> store.addLabel(999, 0, "ann", null)).hasMessageContaining("no sample with id 999");
        assertThatThrownBy(() -> store.addLabel(a, 9, "ann", null)).hasMessageContaining("no class with id 9");
        assertThatThrownBy(() -> store.addLabel(a, 0, "ann", 4)).hasMessageContaining("no round 4");
        assertThatThrownBy(() -> store.addLabel(a, 0, " ", null)).hasMessageContaining("who");
        assertThat(store.labelEventCount()).isZero();
    }

    @Test
    void theLogIsAppendOnlyAndUndoMustStayOnItsSample() {
        long e = store.addLabel(a, 0, "ann", null);
        assertThatThrownBy(() -> store.inTransaction(cn -> {
            try (Statement st = cn.createStatement()) {
                return st.executeUpdate("UPDATE label_events SET class_id = 1");
            }
        })).hasMessageContaining("append-only");
        assertThatThrownBy(() -> store.inTransaction(cn -> {
            try (Statement st = cn.createStatement()) {
                return st.executeUpdate("DELETE FROM label_events");
            }
        })).hasMessageContaining("append-only");
        assertThatThrownBy(() -> store.inTransaction(cn -> {
            try (Statement st = cn.createStatement()) {
                return st.executeUpdate("INSERT INTO label_events(sample_id, kind, reverts, who, at) VALUES ("
                        + b + ", 'undo', " + e + ", 'x', 0)");
            }
        })).hasMessageContaining("same sample");
        assertThatThrownBy(() -> store.inTransaction(cn -> {
            try (Statement st = cn.createStatement()) {
                return st.executeUpdate("INSERT INTO label_events(sample_id, kind, who, at) VALUES (" + a + ", 'label', 'x', 0)");
            }
        })).hasMessageContaining("CHECK");
        assertThat(store.labelEventCount()).isEqualTo(1);
    }

    @Test
    void labelCountsFollowTheCurrentState() {
        store.addLabel(a, 0, "ann", null);
        store.addLabel(b, 0, "ann", null);
        store.addLabel(c, 2, "ann", null);
        store.addLabel(b, 1, "ann", null);
        assertThat(store.labelCounts()).containsExactly(Map.entry(0, 1), Map.entry(1, 1), Map.entry(2, 1));
        store.undoLast("ann");
        assertThat(store.labelCounts()).containsExactly(Map.entry(0, 2), Map.entry(2, 1));
    }
}
