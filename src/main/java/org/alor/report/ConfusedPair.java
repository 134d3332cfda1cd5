package org.alor.report;

import java.util.List;

/**
 * One way the model goes wrong: val images of class {@code trueClass} predicted as {@code predictedClass}.
 *
 * @param share     {@code count} over all val images of the true class
 * @param sampleIds the images, in sample-id order
 */
public record ConfusedPair(int trueClass, int predictedClass, int count, double share, List<Long> sampleIds) {
}
