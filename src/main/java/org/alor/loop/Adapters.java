package org.alor.loop;

import org.alor.adapt.Adapter;
import org.alor.adapt.LinearProbeAdapter;
import org.alor.adapt.LinearProbeConfig;
import org.alor.adapt.TextHead;
import org.alor.adapt.ZeroShotAdapter;

import java.util.List;

/** Builds the adapter a run asks for. */
public final class Adapters {
    /** Method names the engine supports on cached features. */
    public static final List<String> METHODS = List.of("zeroshot", "lp");

    private Adapters() {
    }

    /** Fails with the list of supported methods when {@code method} is not one of them. */
    public static void requireKnown(String method) {
        if (!METHODS.contains(method) && !method.equals("zs")) {
            throw new IllegalArgumentException("unknown method '" + method + "' (expected one of " + String.join(", ", METHODS) + ")");
        }
    }

    public static Adapter create(RunConfig config, TextHead head) {
        return switch (config.method()) {
            case "zeroshot", "zs" -> new ZeroShotAdapter(head);
            case "lp" -> new LinearProbeAdapter(head, LinearProbeConfig.standard()
                    .withEpochs(config.epochs()).withBatchSize(config.batchSize()));
            default -> throw new IllegalArgumentException("unknown method '" + config.method()
                    + "' (expected one of " + String.join(", ", METHODS) + ")");
        };
    }
}
