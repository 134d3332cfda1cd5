package org.alor.store;

import org.alor.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18 item 3: one writing session per project; a second writer is refused naming the holder, readers work. */
class WriterLockTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondStoreOnTheSameFolderInThisProcessIsRefusedUntilTheFirstCloses() {
        ProjectStore first = TestProjects.withPool(tmp, 6);
        long id = first.sampleTable().bySplit(Split.POOL).get(0).id();
        first.labelLog().label(id, 1, "first", null);
        try (ProjectStore second = ProjectStore.open(tmp)) {
            assertThat(second.labelLog().current()).containsKey(id); // reading works
            assertThatThrownBy(() -> second.labelLog().label(id, 2, "second", null))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("another ALOR session is writing this project")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("this same process");
            assertThatThrownBy(second::lockForWriting).hasMessageContaining("another ALOR session");
            first.close();
            second.labelLog().label(id, 2, "second", null); // the lock went with the first store
            assertThat(second.labelLog().current().get(id).classId()).isEqualTo(2);
        }
        assertThat(tmp.resolve(WriterLock.FILE)).exists();
        try (ProjectStore third = ProjectStore.open(tmp)) {
            third.lockForWriting(); // a closed store leaves nothing locked
        }
    }

    @Test
    void aWriterInAnotherProcessIsNamedAndItsDeathFreesTheProject() throws Exception {
        TestProjects.withPool(tmp, 4).close();
        try (ChildJvm child = new ChildJvm("hold", tmp.toString());
             ProjectStore store = ProjectStore.open(tmp)) {
            child.awaitLine("LOCKED");
            long id = store.sampleTable().bySplit(Split.POOL).get(0).id();
            assertThat(store.classTable().all()).hasSize(3);
            assertThatThrownBy(() -> store.labelLog().label(id, 1, "parent", null))
                    .hasMessageContaining("another ALOR session is writing this project")
                    .hasMessageContaining(CrashChild.class.getName() + " hold")
                    .hasMessageContaining(tmp.toString());
            assertThat(store.labelLog().current()).isEmpty();
            assertThat(Files.readString(tmp.resolve(WriterLock.FILE))).startsWith("pid ");

            child.kill(); // kill -9: the OS drops the lock
            store.labelLog().label(id, 1, "parent", null);
            assertThat(store.labelLog().current()).containsKey(id);
        }
    }
}
