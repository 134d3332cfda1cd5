package org.alor.app.data;

import org.alor.data.Split;

/**
 * One image of the project as the Data browser shows it.
 *
 * @param path       as stored (relative to the dataset root, or to the project for retrieved images)
 * @param label      the known class: the human label in the pool (never the pool's hidden true class), the true
 *                   label elsewhere; null when unknown
 * @param predicted  the latest round's predicted class, null without predictions
 * @param confidence that prediction's probability, null without predictions
 */
public record DataItem(long sampleId, Split split, String path, Integer label, Integer predicted, Float confidence) {
    /** A label and a prediction that name different classes. */
    public boolean disagrees() {
        return label != null && predicted != null && !label.equals(predicted);
    }
}
