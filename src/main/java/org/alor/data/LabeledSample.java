package org.alor.data;

/**
 * One image to export with its current label.
 *
 * @param path  path relative to the dataset root, '/' separators
 * @param split the sample's split
 * @param label current class id, or null when unlabeled
 */
public record LabeledSample(String path, Split split, Integer label) {
}
