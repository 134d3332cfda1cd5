package org.alor.clip;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Switches autograd recording off for the current thread while open (and restores the previous mode).
 * PyTorch's grad mode is thread-local and on by default in threads other than the one that loaded the
 * engine, so inference on a worker thread would otherwise build (and hold) a backward graph.
 */
public final class NoGradient implements AutoCloseable {
    private final boolean pytorch;
    private final boolean previous;

    private NoGradient() {
        pytorch = "PyTorch".equals(Engine.getInstance().getEngineName());
        previous = pytorch && JniUtils.isGradMode();
        if (pytorch) {
            JniUtils.setGradMode(false);
        }
    }

    public static NoGradient enter() {
        return new NoGradient();
    }

    @Override
    public void close() {
        if (pytorch) {
            JniUtils.setGradMode(previous);
        }
    }
}
