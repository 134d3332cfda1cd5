package org.alor.cli;

import org.alor.loop.Precision;
import org.alor.loop.TrainingSettingsBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The training options `alor round` and `alor experiment` share (picocli mixin); unset ones leave the spec's
 * default (the checkpoint's recipe, the project's settings, the method's paper value).
 */
final class TrainingOptions {
    @Option(names = "--epochs", description = "Training epochs per round (default: the checkpoint's recipe.json, else 50).")
    Integer epochs;

    @Option(names = {"--batch", "--batch-size"}, description = "Training batch size (default: 128; 32 for pt). FT/CT accumulate"
            + " gradients over smaller micro-batches by themselves when a batch does not fit in memory.")
    Integer batchSize;

    @Option(names = "--lr-encoder", description = "Base learning rate of the trained tower(s): FT image tower, CT both towers (default 1e-6).")
    Double lrEncoder;

    @Option(names = "--lr-head", description = "Base learning rate of the head: LP/FT head (1e-4), FT log-scale and CT temperature (1e-4), PT prompt contexts (0.002).")
    Double lrHead;

    @Option(names = "--mixed-precision", hidden = true, description = "Same as --precision fp16 (kept for old scripts).")
    boolean mixedPrecision;

    @Option(names = "--names", description = "Class names in prompts: name or most_common_name (default: the project's class_naming setting, else name).")
    String names;

    @Option(names = "--prompts", description = "Prompt set: birds, aircraft, food, pets, cars, generic (default: the project's prompt_set setting, else generic).")
    String prompts;

    /** The options set on the command line, onto a round's or an experiment's spec; a bad value is a usage error. */
    <B extends TrainingSettingsBuilder<B>> B applyTo(CommandLine cl, B b) {
        if (epochs != null) b.optEpochs(epochs);
        if (batchSize != null) b.optBatchSize(batchSize);
        if (lrEncoder != null) b.optEncoderLr(lrEncoder);
        if (lrHead != null) b.optHeadLr(lrHead);
        Precision p = precision(cl);
        if (p != null) b.optPrecision(p);
        if (names != null) b.optNaming(LoopOptions.naming(cl, names));
        if (prompts != null) b.optTemplates(LoopOptions.prompts(cl, prompts));
        return b;
    }

    /** --precision is the session's (SessionOptions); the old --mixed-precision asks for fp16, which is refused. */
    private Precision precision(CommandLine cl) {
        return mixedPrecision ? Precision.FP16 : null;
    }
}
