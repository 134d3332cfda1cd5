package org.alor.retrieval;

import java.util.Map;

/**
 * Matching statistics of one class.
 *
 * @param synonymCounts synonym → number of corpus records whose caption matches it (in synonym order)
 * @param actualFreq    distinct matching records of the class (union over synonyms)
 */
public record ClassStats(int classId, String name, Map<String, Integer> synonymCounts, int actualFreq, String mostCommonName) {
}
