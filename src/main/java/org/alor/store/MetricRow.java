package org.alor.store;

import org.alor.data.Split;

/**
 * An evaluation result of one round on one split, overall ({@code classId == null}) or for one class.
 * Accuracy and macro-F1 are fractions in [0,1]; for a class row, accuracy is that class's recall.
 *
 * @param support number of evaluated samples (of that class)
 * @param correct how many of them were predicted correctly
 */
public record MetricRow(Split split, Integer classId, double accuracy, Double macroF1, int support, int correct) {
    public static MetricRow overall(Split split, double accuracy, Double macroF1, int support, int correct) {
        return new MetricRow(split, null, accuracy, macroF1, support, correct);
    }

    public static MetricRow perClass(Split split, int classId, int support, int correct) {
        return new MetricRow(split, classId, support == 0 ? 0.0 : (double) correct / support, null, support, correct);
    }
}
