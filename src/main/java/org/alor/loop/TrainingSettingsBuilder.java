package org.alor.loop;

import org.alor.adapt.PromptTemplates;

/**
 * The training settings that a round's and an experiment's spec builders share, so a front end maps its controls
 * or flags onto either in one place.
 */
public interface TrainingSettingsBuilder<B extends TrainingSettingsBuilder<B>> {
    B optEpochs(int epochs);

    B optBatchSize(int batchSize);

    B optEncoderLr(double lr);

    B optHeadLr(double lr);

    B optPrecision(Precision precision);

    B optNaming(ClassNaming naming);

    B optTemplates(PromptTemplates templates);
}
