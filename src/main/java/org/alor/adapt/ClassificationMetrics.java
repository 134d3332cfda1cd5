package org.alor.adapt;

import java.util.Arrays;

/**
 * Accuracy, macro-F1, per-class accuracy and the confusion matrix of predictions against true labels.
 * Macro-F1 averages over the classes present in truth ∪ prediction, as docs/method.md §3 prescribes.
 *
 * @param accuracy      fraction correct in [0, 1]
 * @param macroF1       macro-averaged F1 in [0, 1]
 * @param perClass      per-class accuracy (recall); NaN for classes absent from the truth
 * @param support       number of true examples per class
 * @param confusion     confusion[true][predicted] counts
 */
public record ClassificationMetrics(double accuracy, double macroF1, double[] perClass, int[] support, int[][] confusion) {

    public static ClassificationMetrics of(int[] truth, int[] predicted, int numClasses) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth has " + truth.length + " labels but there are " + predicted.length + " predictions");
        }
        int[][] confusion = new int[numClasses][numClasses];
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
            if (truth[i] == predicted[i]) correct++;
        }
        int[] support = new int[numClasses];
        int[] predictedCount = new int[numClasses];
        for (int t = 0; t < numClasses; t++) {
            for (int p = 0; p < numClasses; p++) {
                support[t] += confusion[t][p];
                predictedCount[p] += confusion[t][p];
            }
        }
        double[] perClass = new double[numClasses];
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < numClasses; c++) {
            int tp = confusion[c][c];
            perClass[c] = support[c] == 0 ? Double.NaN : (double) tp / support[c];
            if (support[c] == 0 && predictedCount[c] == 0) continue;
            present++;
            double precision = predictedCount[c] == 0 ? 0 : (double) tp / predictedCount[c];
            double recall = support[c] == 0 ? 0 : (double) tp / support[c];
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        double accuracy = truth.length == 0 ? Double.NaN : (double) correct / truth.length;
        double macroF1 = present == 0 ? Double.NaN : f1Sum / present;
        return new ClassificationMetrics(accuracy, macroF1, perClass, support, confusion);
    }

    /** Index of the largest value of each row (ties: lower index). */
    public static int[] argmax(float[][] scores) {
        int[] out = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            int best = 0;
            for (int c = 1; c < scores[i].length; c++) {
                if (scores[i][c] > scores[i][best]) best = c;
            }
            out[i] = best;
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format("accuracy %.2f%%, macro-F1 %.2f%% over %d examples", 100 * accuracy, 100 * macroF1,
                Arrays.stream(support).sum());
    }
}
