package org.alor.adapt.train;

import java.util.OptionalDouble;

/**
 * Called when the model just trained becomes the selected one (new best validation score, ties going
 * to the later epoch; or the last epoch under {@link ModelSelection#LAST_EPOCH}). Copy the weights
 * (e.g. {@link ParameterSnapshot}) or write a checkpoint.
 */
@FunctionalInterface
public interface Snapshotter {
    void snapshot(int epoch, OptionalDouble score);
}
