package org.alor.store;

import org.alor.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionTest {
    @TempDir
    Path tmp;

    @Test
    void anExceptionRollsBackEverythingTheWorkDid() {
        try (ProjectStore store = TestProjects.withPool(tmp, 2)) {
            long a = store.sampleTable().bySplit(Split.POOL).get(0).id();
            IllegalStateException boom = new IllegalStateException("boom");
            assertThatThrownBy(() -> store.database().inTransaction(c -> {
                store.labelLog().label(a, 0, "ann", null);
                store.settings().set("k", "v");
                store.sampleTable().add(TestProjects.sample("new.jpg", Split.VAL, null));
                throw boom;
            })).isSameAs(boom);
            assertThat(store.labelLog().eventCount()).isZero();
            assertThat(store.settings().getString("k")).isEmpty();
            assertThat(store.sampleTable().countsBySplit().get(Split.VAL)).isZero();
            // the connection is usable afterwards
            store.labelLog().label(a, 0, "ann", null);
            assertThat(store.labelLog().eventCount()).isEqualTo(1);
        }
    }

    @Test
    void checkedExceptionsAreWrappedAndAlsoRollBack() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            assertThatThrownBy(() -> store.database().inTransaction(c -> {
                store.settings().set("k", "v");
                throw new IOException("disk gone");
            })).isInstanceOf(StoreException.class).hasMessageContaining("disk gone");
            assertThat(store.settings().getString("k")).isEmpty();
        }
    }

    @Test
    void aCaughtFailureInANestedTransactionUndoesOnlyTheNestedPart() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            store.database().inTransaction(c -> {
                store.settings().set("outer", "1");
                try {
                    store.database().inTransaction(c2 -> {
                        store.settings().set("inner", "1");
                        throw new IllegalArgumentException("inner fails");
                    });
                } catch (IllegalArgumentException expected) {
                    // the caller decided to go on
                }
                return null;
            });
            assertThat(store.settings().getString("outer")).contains("1");
            assertThat(store.settings().getString("inner")).isEmpty();
        }
    }

    @Test
    void committedWorkIsVisibleToANewConnection() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            store.database().inTransaction(c -> {
                store.settings().set("a", "1");
                store.settings().set("b", "2");
                return null;
            });
            try (ProjectStore other = ProjectStore.open(tmp)) {
                assertThat(other.settings().all()).containsEntry("a", "1").containsEntry("b", "2");
            }
        }
    }
}
