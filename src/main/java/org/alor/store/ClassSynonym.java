package org.alor.store;

/** One synonym of a class with its corpus caption count; excluded synonyms are kept but not used for retrieval. */
public record ClassSynonym(int classId, String synonym, int corpusCount, boolean excluded) {
}
