package org.alor.loop;

import org.alor.adapt.Adapter;
import org.alor.adapt.ClipBase;
import org.alor.adapt.ContrastiveTuneAdapter;
import org.alor.adapt.FineTuneAdapter;
import org.alor.adapt.LinearProbeAdapter;
import org.alor.adapt.LinearProbeConfig;
import org.alor.adapt.PromptTuneAdapter;
import org.alor.adapt.TextHead;
import org.alor.adapt.TuningConfig;
import org.alor.adapt.ZeroShotAdapter;

import java.util.List;

/** Builds the adapter a run asks for. */
public final class Adapters {
    /** Method names the engine supports. */
    public static final List<String> METHODS = List.of("zeroshot", "lp", "ft", "ct", "pt");

    private Adapters() {
    }

    /** Fails with the list of supported methods when {@code method} is not one of them. */
    public static void requireKnown(String method) {
        if (!METHODS.contains(method) && !method.equals("zs")) {
            throw new IllegalArgumentException("unknown method '" + method + "' (expected one of " + String.join(", ", METHODS) + ")");
        }
    }

    /** FT, CT and PT train CLIP itself and need the pretrained checkpoint ({@link ModelBackend#clipBase}). */
    public static boolean needsClip(String method) {
        return method.equals("ft") || method.equals("ct") || method.equals("pt");
    }

    /** FT and CT train the image tower: they need the training images and re-encode val/test/pool. */
    public static boolean needsImages(String method) {
        return method.equals("ft") || method.equals("ct");
    }

    /** ZS and LP (cached features only). */
    public static Adapter create(RunConfig config, TextHead head) {
        return create(config, head, null, null);
    }

    /**
     * @param classNames the class names the prompts use (CT, PT)
     * @param clip       the pretrained CLIP (FT, CT, PT); may be null for ZS and LP
     */
    public static Adapter create(RunConfig config, TextHead head, List<String> classNames, ClipBase clip) {
        if (needsClip(config.method()) && clip == null) {
            throw new IllegalStateException("method " + config.method() + " trains CLIP and needs the pretrained checkpoint,"
                    + " but none was given");
        }
        return switch (config.method()) {
            case "zeroshot", "zs" -> new ZeroShotAdapter(head);
            case "lp" -> {
                LinearProbeConfig lp = LinearProbeConfig.standard().withEpochs(config.epochs())
                        .withBatchSize(config.effectiveBatchSize());
                if (config.tuning().headLr() > 0) {
                    lp = new LinearProbeConfig(lp.epochs(), lp.batchSize(), config.tuning().headLr(), lp.weightDecay(), lp.warmup());
                }
                yield new LinearProbeAdapter(head, lp);
            }
            case "ft" -> new FineTuneAdapter(clip, head, tuning(config));
            case "ct" -> new ContrastiveTuneAdapter(clip, classNames, config.templates(), tuning(config));
            case "pt" -> new PromptTuneAdapter(clip, classNames, tuning(config));
            default -> throw new IllegalArgumentException("unknown method '" + config.method()
                    + "' (expected one of " + String.join(", ", METHODS) + ")");
        };
    }

    /** The paper's settings of the method with the run's epochs, batch and overrides. */
    static TuningConfig tuning(RunConfig config) {
        TuningConfig t = TuningConfig.standard(config.method()).withEpochs(config.epochs())
                .withBatchSize(config.effectiveBatchSize()).withMixedPrecision(config.tuning().mixedPrecision());
        if (config.tuning().encoderLr() > 0) t = t.withEncoderLr(config.tuning().encoderLr());
        if (config.tuning().headLr() > 0) t = t.withHeadLr(config.tuning().headLr());
        return t;
    }
}
