package org.alor.app.data;

import org.alor.data.Split;

import java.util.List;

/**
 * The Data browser's filter: class (the known label), split, labeled or not, predicted class, a confidence range
 * (which keeps only images with a prediction once narrowed) and disagreement between label and prediction.
 * Null fields mean "any".
 */
public record DataFilter(Integer classId, Split split, Labeled labeled, Integer predicted, double minConfidence,
                         double maxConfidence, boolean disagreement) {
    public enum Labeled { ANY, LABELED, UNLABELED }

    public static final DataFilter ALL = new DataFilter(null, null, Labeled.ANY, null, 0, 1, false);

    public boolean test(DataItem i) {
        if (classId != null && !classId.equals(i.label())) return false;
        if (split != null && split != i.split()) return false;
        if (labeled == Labeled.LABELED && i.label() == null) return false;
        if (labeled == Labeled.UNLABELED && i.label() != null) return false;
        if (predicted != null && !predicted.equals(i.predicted())) return false;
        if (narrowsConfidence()) {
            if (i.confidence() == null || i.confidence() < minConfidence - 1e-9 || i.confidence() > maxConfidence + 1e-9) return false;
        }
        return !disagreement || i.disagrees();
    }

    public List<DataItem> apply(List<DataItem> items) {
        return items.stream().filter(this::test).toList();
    }

    public boolean isDefault() {
        return equals(ALL);
    }

    private boolean narrowsConfidence() {
        return minConfidence > 0 || maxConfidence < 1;
    }

    public DataFilter withClassId(Integer v) {
        return new DataFilter(v, split, labeled, predicted, minConfidence, maxConfidence, disagreement);
    }

    public DataFilter withSplit(Split v) {
        return new DataFilter(classId, v, labeled, predicted, minConfidence, maxConfidence, disagreement);
    }

    public DataFilter withLabeled(Labeled v) {
        return new DataFilter(classId, split, v, predicted, minConfidence, maxConfidence, disagreement);
    }

    public DataFilter withPredicted(Integer v) {
        return new DataFilter(classId, split, labeled, v, minConfidence, maxConfidence, disagreement);
    }

    public DataFilter withConfidence(double min, double max) {
        return new DataFilter(classId, split, labeled, predicted, min, max, disagreement);
    }

    public DataFilter withDisagreement(boolean v) {
        return new DataFilter(classId, split, labeled, predicted, minConfidence, maxConfidence, v);
    }
}
