package org.alor.adapt.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns PyTorch's autograd recording off on the current thread until closed, like
 * {@code torch.no_grad()}. Needed because libtorch's grad mode is thread-local and ON by default on
 * every thread except the one that loaded the engine: without this, in-place parameter updates on a
 * worker thread (a JavaFX Service, a CLI executor) fail with "a leaf Variable that requires grad is
 * being used in an in-place operation", and evaluation silently records graphs.
 *
 * <pre>try (NoGrad ignored = NoGrad.enter()) { ... inference or parameter updates ... }</pre>
 */
public final class NoGrad implements AutoCloseable {
    private final boolean pytorch;
    private final boolean previous;

    private NoGrad() {
        pytorch = "PyTorch".equals(Engine.getInstance().getEngineName());
        previous = pytorch && JniUtils.isGradMode();
        if (pytorch) JniUtils.setGradMode(false);
    }

    public static NoGrad enter() {
        return new NoGrad();
    }

    @Override
    public void close() {
        if (pytorch) JniUtils.setGradMode(previous);
    }
}
