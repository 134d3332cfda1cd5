package org.alor.loop;

import org.alor.adapt.Adapter;
import org.alor.adapt.ClipBase;
import org.alor.adapt.ContrastiveTuneAdapter;
import org.alor.adapt.EpochCheckpointFile;
import org.alor.adapt.FineTuneAdapter;
import org.alor.adapt.LinearProbeAdapter;
import org.alor.adapt.LinearProbeConfig;
import org.alor.adapt.PromptTuneAdapter;
import org.alor.adapt.TextHead;
import org.alor.adapt.TuningConfig;
import org.alor.adapt.ZeroShotAdapter;

import java.util.List;

/** Builds the adapter a round's spec asks for. */
final class Adapters {
    private Adapters() {
    }

    /**
     * @param classNames the class names the prompts use (CT, PT)
     * @param clip       the pretrained CLIP (FT, CT, PT); may be null for ZS and LP
     */
    static Adapter create(RoundSpec spec, TextHead head, List<String> classNames, ClipBase clip) {
        return create(spec, head, classNames, clip, null);
    }

    /** @param epochCheckpoint where FT, CT and PT save each finished epoch and resume from; null: nowhere */
    static Adapter create(RoundSpec spec, TextHead head, List<String> classNames, ClipBase clip,
                          EpochCheckpointFile epochCheckpoint) {
        if (spec.method().needsClip() && clip == null) {
            throw new IllegalStateException("method " + spec.method().key() + " trains CLIP and needs the pretrained"
                    + " checkpoint, but none was given");
        }
        return switch (spec.method()) {
            case ZS -> new ZeroShotAdapter(head);
            case LP -> {
                LinearProbeConfig lp = LinearProbeConfig.standard();
                yield new LinearProbeAdapter(head, new LinearProbeConfig(spec.epochs(), spec.batchSize(), spec.headLr(),
                        lp.weightDecay(), lp.warmup()));
            }
            case FT -> new FineTuneAdapter(clip, head, tuning(spec), epochCheckpoint);
            case CT -> new ContrastiveTuneAdapter(clip, classNames, spec.templates(), tuning(spec), epochCheckpoint);
            case PT -> new PromptTuneAdapter(clip, classNames, tuning(spec), epochCheckpoint);
        };
    }

    /** The paper's settings of the method with the spec's epochs, batch and learning rates. */
    private static TuningConfig tuning(RoundSpec spec) {
        TuningConfig t = TuningConfig.standard(spec.method().key()).withEpochs(spec.epochs())
                .withBatchSize(spec.batchSize()).withHeadLr(spec.headLr());
        return spec.method().defaultEncoderLr() > 0 ? t.withEncoderLr(spec.encoderLr()) : t;
    }
}
