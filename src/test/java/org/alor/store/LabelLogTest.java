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
        List<StoredSample> pool = store.sampleTable().bySplit(Split.POOL);
        a = pool.get(0).id();
        b = pool.get(1).id();
        c = pool.get(2).id();
        store.roundTable().insert(RoundRecord.planned(0, "CT", "TFS", 666, 3));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void latestEventIsTheCurrentState() {
        store.labelLog().label(a, 1, "ann", 0);
        store.labelLog().label(a, 2, "ann", 0);
        store.labelLog().markUnsure(b, "bob", null);
        Map<Long, LabelState> now = store.labelLog().current();
        assertThat(now).containsOnlyKeys(a, b);
        assertThat(now.get(a).kind()).isEqualTo(LabelKind.LABEL);
        assertThat(now.get(a).classId()).isEqualTo(2);
        assertThat(now.get(a).round()).isEqualTo(0);
        assertThat(now.get(b).kind()).isEqualTo(LabelKind.UNSURE);
        assertThat(now.get(b).classId()).isNull();
        assertThat(now.get(b).isLabeled()).isFalse();
        assertThat(store.labelLog().current(c)).isEmpty();
        store.labelLog().markSkip(a, "ann", 0);
        assertThat(store.labelLog().current(a)).get().extracting(LabelState::kind).isEqualTo(LabelKind.SKIP);
        assertThat(store.labelLog().countsByClass()).isEmpty();
    }

    @Test
    void undoRestoresThePreviousStateWithoutDeletingRows() {
        long e1 = store.labelLog().label(a, 1, "ann", null);
        long e2 = store.labelLog().label(a, 2, "ann", null);
        long u = store.labelLog().undo(e2, "ann");
        assertThat(store.labelLog().current(a)).get().extracting(LabelState::classId, LabelState::eventId).containsExactly(1, e1);
        store.labelLog().undo(e1, "ann");
        assertThat(store.labelLog().current(a)).isEmpty();
        assertThat(store.labelLog().eventCount()).isEqualTo(4);

        List<LabelEvent> h = store.labelLog().history(a);
        assertThat(h).extracting(LabelEvent::kind)
                .containsExactly(LabelKind.LABEL, LabelKind.LABEL, LabelKind.UNDO, LabelKind.UNDO);
        assertThat(h).extracting(LabelEvent::effective).containsExactly(false, false, true, true);
        assertThat(h.get(2).id()).isEqualTo(u);
        assertThat(h.get(2).reverts()).isEqualTo(e2);
    }

    @Test
    void undoingAnUndoReappliesItsTarget() {
        long e1 = store.labelLog().label(a, 1, "ann", null);
        long u1 = store.labelLog().undo(e1, "ann");
        long u2 = store.labelLog().undo(u1, "ann");
        assertThat(store.labelLog().current(a)).get().extracting(LabelState::classId).isEqualTo(1);
        long u3 = store.labelLog().undo(u2, "ann");
        assertThat(store.labelLog().current(a)).isEmpty();
        assertThat(store.labelLog().current()).doesNotContainKey(a);
        // after u1 was cancelled and re-applied, e1 is undone again and may not be undone twice
        assertThatThrownBy(() -> store.labelLog().undo(e1, "ann"))
                .isInstanceOf(StoreException.class).hasMessageContaining("already undone");
        assertThatThrownBy(() -> store.labelLog().undo(u2, "ann")).hasMessageContaining("already undone");
        assertThat(store.labelLog().history(a)).extracting(LabelEvent::id, LabelEvent::effective)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(e1, false), org.assertj.core.groups.Tuple.tuple(u1, true),
                        org.assertj.core.groups.Tuple.tuple(u2, false), org.assertj.core.groups.Tuple.tuple(u3, true));
        assertThatThrownBy(() -> store.labelLog().undo(12345, "ann")).hasMessageContaining("no label event 12345");
    }

    @Test
    void undoLastWalksBackOnePersonsActionsAcrossSamples() {
        store.labelLog().label(a, 0, "ann", 0);
        store.labelLog().label(b, 1, "ann", 0);
        store.labelLog().label(c, 2, "oracle", 0);
        store.labelLog().markUnsure(a, "ann", 0);

        assertThat(store.labelLog().undoLast("ann")).get().extracting(LabelEvent::sampleId).isEqualTo(a);
        assertThat(store.labelLog().current(a)).get().extracting(LabelState::classId).isEqualTo(0);
        assertThat(store.labelLog().undoLast("ann")).get().extracting(LabelEvent::sampleId).isEqualTo(b);
        assertThat(store.labelLog().undoLast("ann")).get().extracting(LabelEvent::sampleId).isEqualTo(a);
        assertThat(store.labelLog().undoLast("ann")).isEmpty();
        assertThat(store.labelLog().current()).containsOnlyKeys(c);
        assertThat(store.labelLog().countsByClass()).containsExactly(Map.entry(2, 1));
    }

    @Test
    void redoReappliesUndoneActionsUntilANewActionEndsTheChain() {
        store.labelLog().label(a, 0, "ann", null);
        store.labelLog().label(b, 1, "ann", null);
        store.labelLog().undoLast("ann");
        store.labelLog().undoLast("ann");
        assertThat(store.labelLog().current()).isEmpty();

        Optional<LabelEvent> r1 = store.labelLog().redoLast("ann");
        assertThat(r1).isPresent();
        assertThat(store.labelLog().current()).containsOnlyKeys(a);
        store.labelLog().redoLast("ann");
        assertThat(store.labelLog().current()).containsOnlyKeys(a, b);
        assertThat(store.labelLog().redoLast("ann")).isEmpty();

        store.labelLog().undoLast("ann");
        assertThat(store.labelLog().current()).containsOnlyKeys(a);
        store.labelLog().label(c, 2, "ann", null);
        assertThat(store.labelLog().redoLast("ann")).as("a new action ends the redo chain").isEmpty();
        assertThat(store.labelLog().current()).containsOnlyKeys(a, c);
    }

    @Test
    void anotherPersonsUndoIsRespected() {
        long e = store.labelLog().label(a, 0, "ann", null);
        store.labelLog().undo(e, "bob");
        assertThat(store.labelLog().undoLast("ann")).isEmpty();
        assertThat(store.labelLog().countsByClass()).isEmpty();
    }

    @Test
    void invalidEventsAreRefusedClearly() {
        assertThatThrownBy(() -> store.labelLog().label(999, 0, "ann", null)).hasMessageContaining("no sample with id 999");
        assertThatThrownBy(() -> store.labelLog().label(a, 9, "ann", null)).hasMessageContaining("no class with id 9");
        assertThatThrownBy(() -> store.labelLog().label(a, 0, "ann", 4)).hasMessageContaining("no round 4");
        assertThatThrownBy(() -> store.labelLog().label(a, 0, " ", null)).hasMessageContaining("who");
        assertThat(store.labelLog().eventCount()).isZero();
    }

    @Test
    void theLogIsAppendOnlyAndUndoMustStayOnItsSample() {
        long e = store.labelLog().label(a, 0, "ann", null);
        assertThatThrownBy(() -> store.database().inTransaction(cn -> {
            try (Statement st = cn.createStatement()) {
                return st.executeUpdate("UPDATE label_events SET class_id = 1");
            }
        })).hasMessageContaining("append-only");
        assertThatThrownBy(() -> store.database().inTransaction(cn -> {
            try (Statement st = cn.createStatement()) {
                return st.executeUpdate("DELETE FROM label_events");
            }
        })).hasMessageContaining("append-only");
        assertThatThrownBy(() -> store.database().inTransaction(cn -> {
            try (Statement st = cn.createStatement()) {
                return st.executeUpdate("INSERT INTO label_events(sample_id, kind, reverts, who, at) VALUES ("
                        + b + ", 'undo', " + e + ", 'x', 0)");
            }
        })).hasMessageContaining("same sample");
        assertThatThrownBy(() -> store.database().inTransaction(cn -> {
            try (Statement st = cn.createStatement()) {
                return st.executeUpdate("INSERT INTO label_events(sample_id, kind, who, at) VALUES (" + a + ", 'label', 'x', 0)");
            }
        })).hasMessageContaining("CHECK");
        assertThat(store.labelLog().eventCount()).isEqualTo(1);
    }

    @Test
    void labelCountsFollowTheCurrentState() {
        store.labelLog().label(a, 0, "ann", null);
        store.labelLog().label(b, 0, "ann", null);
        store.labelLog().label(c, 2, "ann", null);
        store.labelLog().label(b, 1, "ann", null);
        assertThat(store.labelLog().countsByClass()).containsExactly(Map.entry(0, 1), Map.entry(1, 1), Map.entry(2, 1));
        store.labelLog().undoLast("ann");
        assertThat(store.labelLog().countsByClass()).containsExactly(Map.entry(0, 2), Map.entry(2, 1));
    }
}
