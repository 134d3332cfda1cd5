package org.alor.cli;

import org.alor.job.CancellationToken;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While open, Ctrl-C cancels {@link #token()} and gives the running job up to 30 s to stop cleanly (it keeps what
 * it finished); {@link #close()} ends that wait.
 */
final class CancelOnInterrupt implements AutoCloseable {
    private final CancellationToken token = new CancellationToken();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private CancelOnInterrupt() {
        hook = new Thread(() -> {
            token.cancel();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "alor-interrupt");
    }

    static CancelOnInterrupt install() {
        CancelOnInterrupt c = new CancelOnInterrupt();
        Runtime.getRuntime().addShutdownHook(c.hook);
        return c;
    }

    CancellationToken token() {
        return token;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down
        }
    }
}
