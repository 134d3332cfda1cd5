package org.alor.retrieval;

/**
 * A matched record kept for a class after ranking and the cap.
 *
 * @param synonym the first of the class's synonyms the caption matches
 * @param score   cosine score, or null when not ranked
 */
public record KeptItem(int classId, CaptionRecord record, String synonym, Double score) {
}
