package org.alor.retrieval;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a retrieval run.
 *
 * @param kept     per class id, retrieved samples now in the store
 * @param failures per item identity, why its image could not be obtained
 */
public record RetrievalReport(List<ClassStats> stats, Map<Integer, Integer> kept, long captionsScanned, long matchedRecords,
                              int added, int removed, Map<String, ItemStatus> failures, List<String> warnings, boolean ranked) {
}
