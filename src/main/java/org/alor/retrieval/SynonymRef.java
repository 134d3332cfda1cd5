package org.alor.retrieval;

/** One (class, synonym) pair searched for; its index in {@link CaptionMatcher#refs()} identifies it in matches. */
public record SynonymRef(int classId, String synonym) {
}
