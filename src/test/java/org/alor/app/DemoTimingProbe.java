package org.alor.app;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

@Tag("benchmark")
class DemoTimingProbe {
    @Test
    void probe(@TempDir Path tmp) throws Exception {
        long t0 = System.nanoTime();
        DemoViewModel vm = new DemoViewModel(tmp, Runnable::run);
        vm.lastRoundProperty().set(1);
        vm.play(new JobProgress() {
            public void update(String m, double f) { System.out.printf("%6.1f s %s%n", (System.nanoTime() - t0) / 1e9, m); }
            public boolean isCancelled() { return false; }
        });
        System.out.printf("%6.1f s end%n", (System.nanoTime() - t0) / 1e9);
    }
}
