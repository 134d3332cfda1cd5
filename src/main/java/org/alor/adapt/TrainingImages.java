package org.alor.adapt;

import java.util.List;

/**
 * The images behind a {@link TrainingSet}, for methods that re-encode them (FT, CT): sample ids in the same order
 * as the training and validation rows, and where their files are.
 */
public record TrainingImages(List<Long> trainIds, List<Long> valIds, ImageSource source) {
    public TrainingImages {
        trainIds = List.copyOf(trainIds);
        valIds = List.copyOf(valIds);
    }
}
