package org.alor.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Ctrl-C sets a cancellation flag and gives the running job up to 30 s to stop cleanly. */
final class CancelOnInterrupt {
    private CancelOnInterrupt() {
    }

    static Thread install(AtomicBoolean cancelled, CountDownLatch finished) {
        Thread hook = new Thread(() -> {
            cancelled.set(true);
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "alor-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    static void remove(Thread hook, CountDownLatch finished) {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down
        }
    }
}
