package org.alor.retrieval;

/**
 * A corpus record whose caption names at least one class.
 *
 * @param refs matched synonym ref ids (indices into {@link CaptionMatcher#refs()}), ascending
 */
public record CaptionMatch(CaptionRecord record, int[] refs) {
}
