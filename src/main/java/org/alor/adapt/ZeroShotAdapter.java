package org.alor.adapt;

import org.alor.job.CancellationToken;
import org.alor.job.Progress;

import java.util.Map;

/** Zero-shot CLIP: the text-initialised head with scale 100, no training (docs/method.md §5). */
public final class ZeroShotAdapter implements Adapter {
    public static final float SCALE = 100f;
    private final TextHead head;

    public ZeroShotAdapter(TextHead head) {
        this.head = head;
    }

    @Override
    public String name() {
        return "zeroshot";
    }

    @Override
    public AdaptedModel adapt(TrainingSet data, Progress progress, CancellationToken token) {
        if (data.numClasses() != head.numClasses()) {
            throw new IllegalArgumentException("the text head has " + head.numClasses() + " classes, the data " + data.numClasses());
        }
        token.throwIfCancelled();
        return new HeadModel(head, SCALE, Map.of("method", name(), "scale", SCALE));
    }
}
