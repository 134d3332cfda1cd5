package org.alor.select;

import java.util.Objects;

/**
 * Everything a selection strategy may look at, as plain arrays. The arrays are shared, not copied: callers must not
 * modify them while a selection runs. Shapes are checked on construction.
 *
 * <ul>
 *   <li>{@code probabilities} N×C: softmax of the classifier for each pool item.</li>
 *   <li>{@code classCounts} C: examples per class in the current training set, retrieved images included.</li>
 *   <li>{@code poolFeatures} N×D (optional): image embeddings of the pool (normalised here before use).</li>
 *   <li>{@code labeledFeatures} M×D and {@code labeledClasses} M (optional): the training set (retrieved + labeled)
 *       embeddings and their real class ids (Coreset, ALFA-Mix).</li>
 *   <li>{@code classifierWeights} C×D and {@code logitScale} (optional): the linear head,
 *       logits = scale·W·normalise(z) (ALFA-Mix).</li>
 *   <li>{@code budget}, {@code seed}, {@code round}: how many picks, and the random stream (seed and round together
 *       choose it, so each round draws differently).</li>
 * </ul>
 */
public final class SelectionInput {

    /** Optional inputs a strategy may require. */
    public enum Requirement {
        POOL_FEATURES("pool features"),
        LABELED_FEATURES("training-set features"),
        LABELED_CLASSES("training-set class ids"),
        CLASSIFIER("classifier weights");

        private final String label;

        Requirement(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final float[][] probabilities;
    private final int[] classCounts;
    private final float[][] poolFeatures;
    private final float[][] labeledFeatures;
    private final int[] labeledClasses;
    private final float[][] classifierWeights;
    private final float logitScale;
    private final int budget;
    private final long seed;
    private final int round;
    private float[][] normalisedPool;
    private float[][] normalisedLabeled;

    private SelectionInput(Builder b) {
        this.probabilities = Objects.requireNonNull(b.probabilities, "probabilities");
        this.classCounts = Objects.requireNonNull(b.classCounts, "classCounts");
        this.poolFeatures = b.poolFeatures;
        this.labeledFeatures = b.labeledFeatures;
        this.labeledClasses = b.labeledClasses;
        this.classifierWeights = b.classifierWeights;
        this.logitScale = b.logitScale;
        this.budget = b.budget;
        this.seed = b.seed;
        this.round = b.round;
        validate();
    }

    public static Builder builder(float[][] probabilities, int[] classCounts) {
        return new Builder(probabilities, classCounts);
    }

    private void validate() {
        int n = probabilities.length;
        int c = classCounts.length;
        if (c == 0) {
            throw new IllegalArgumentException("classCounts is empty: at least one class is needed");
        }
        for (int i = 0; i < n; i++) {
            if (probabilities[i] == null || probabilities[i].length != c) {
                throw new IllegalArgumentException("probabilities row " + i + " has "
                        + (probabilities[i] == null ? 0 : probabilities[i].length) + " values, expected " + c
                        + " (one per class in classCounts)");
            }
        }
        if (budget < 0) {
            throw new IllegalArgumentException("budget must be >= 0, got " + budget);
        }
        int d = -1;
        if (poolFeatures != null) {
            if (poolFeatures.length != n) {
                throw new IllegalArgumentException("features has " + poolFeatures.length + " rows, expected " + n
                        + " (one per probabilities row)");
            }
            d = checkRectangular(poolFeatures, "features", -1);
        }
        if (labeledFeatures != null) {
            d = checkRectangular(labeledFeatures, "labeledFeatures", d);
            if (labeledClasses != null && labeledClasses.length != labeledFeatures.length) {
                throw new IllegalArgumentException("labeledClasses has " + labeledClasses.length
                        + " entries, expected " + labeledFeatures.length + " (one per labeledFeatures row)");
            }
        }
        if (labeledClasses != null) {
            for (int i = 0; i < labeledClasses.length; i++) {
                if (labeledClasses[i] < 0 || labeledClasses[i] >= c) {
                    throw new IllegalArgumentException("labeledClasses[" + i + "] = " + labeledClasses[i]
                            + " is not a class id in 0.." + (c - 1));
                }
            }
        }
        if (classifierWeights != null) {
            if (classifierWeights.length != c) {
                throw new IllegalArgumentException("classifierWeights has " + classifierWeights.length
                        + " rows, expected " + c + " (one per class)");
            }
            checkRectangular(classifierWeights, "classifierWeights", d);
        }
    }

    private static int checkRectangular(float[][] rows, String name, int expectedWidth) {
        int width = expectedWidth;
        for (int i = 0; i < rows.length; i++) {
            int len = rows[i] == null ? 0 : rows[i].length;
            if (width < 0) {
                width = len;
            }
            if (len != width || len == 0) {
                throw new IllegalArgumentException(name + " row " + i + " has " + len + " values, expected "
                        + (width > 0 ? width : "at least 1") + " (the feature dimension)");
            }
        }
        return width;
    }

    /** Throws a {@link MissingInputException} naming the strategy and what is absent. */
    public void require(String strategy, Iterable<Requirement> requirements) {
        for (Requirement r : requirements) {
            if (!has(r)) {
                throw new MissingInputException("strategy '" + strategy + "' needs " + r.label() + ", which the input lacks");
            }
        }
    }

    public boolean has(Requirement r) {
        return switch (r) {
            case POOL_FEATURES -> poolFeatures != null;
            case LABELED_FEATURES -> labeledFeatures != null;
            case LABELED_CLASSES -> labeledClasses != null;
            case CLASSIFIER -> classifierWeights != null;
        };
    }

    public int poolSize() {
        return probabilities.length;
    }

    public int classCount() {
        return classCounts.length;
    }

    /** min(budget, pool size): the number of picks every strategy returns. */
    public int picksWanted() {
        return Math.min(budget, probabilities.length);
    }

    public float[][] probabilities() {
        return probabilities;
    }

    public int[] classCounts() {
        return classCounts;
    }

    public float[][] poolFeatures() {
        return poolFeatures;
    }

    public float[][] labeledFeatures() {
        return labeledFeatures;
    }

    public int[] labeledClasses() {
        return labeledClasses;
    }

    public float[][] classifierWeights() {
        return classifierWeights;
    }

    public float logitScale() {
        return logitScale;
    }

    public int budget() {
        return budget;
    }

    public long seed() {
        return seed;
    }

    public int round() {
        return round;
    }

    /** L2-normalised copy of the pool features (computed once). */
    public synchronized float[][] normalisedPoolFeatures() {
        if (normalisedPool == null && poolFeatures != null) {
            normalisedPool = Vectors.normalisedRows(poolFeatures);
        }
        return normalisedPool;
    }

    /** L2-normalised copy of the training-set features (computed once). */
    public synchronized float[][] normalisedLabeledFeatures() {
        if (normalisedLabeled == null && labeledFeatures != null) {
            normalisedLabeled = Vectors.normalisedRows(labeledFeatures);
        }
        return normalisedLabeled;
    }

    /** A copy with another budget (everything else shared). */
    public SelectionInput withBudget(int newBudget) {
        return toBuilder().budget(newBudget).build();
    }

    public Builder toBuilder() {
        return new Builder(probabilities, classCounts).poolFeatures(poolFeatures)
                .labeled(labeledFeatures, labeledClasses).classifier(classifierWeights, logitScale)
                .budget(budget).seed(seed).round(round);
    }

    public static final class Builder {
        private final float[][] probabilities;
        private final int[] classCounts;
        private float[][] poolFeatures;
        private float[][] labeledFeatures;
        private int[] labeledClasses;
        private float[][] classifierWeights;
        private float logitScale = 100f;
        private int budget;
        private long seed;
        private int round;

        private Builder(float[][] probabilities, int[] classCounts) {
            this.probabilities = probabilities;
            this.classCounts = classCounts;
            this.budget = classCounts == null ? 0 : classCounts.length;
        }

        /** Default budget: C, as in the paper. */
        public Builder budget(int budget) {
            this.budget = budget;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder round(int round) {
            this.round = round;
            return this;
        }

        public Builder poolFeatures(float[][] features) {
            this.poolFeatures = features;
            return this;
        }

        /** Training-set features and class ids (either may be null). */
        public Builder labeled(float[][] features, int[] classes) {
            this.labeledFeatures = features;
            this.labeledClasses = classes;
            return this;
        }

        /** Linear head W (C×D) and the logit scale (default 100). */
        public Builder classifier(float[][] weights, float scale) {
            this.classifierWeights = weights;
            this.logitScale = scale;
            return this;
        }

        public SelectionInput build() {
            return new SelectionInput(this);
        }
    }
}
