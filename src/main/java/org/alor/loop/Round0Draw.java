package org.alor.loop;

import org.alor.store.StoredSample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** The paper's round-0 labeled set: one random pool image per class, drawn with the run's seed (docs/method.md §3). */
public final class Round0Draw {
    private Round0Draw() {
    }

    /**
     * For each class in id order, one pool sample whose true label is that class, uniformly among those not in
     * {@code exclude}, drawn from one {@code Random(seed)} stream; classes without such a sample are skipped.
     * Depends only on the pool and the seed, so every strategy of a seed starts from the same set.
     *
     * @param pool pool samples ordered by id
     */
    public static List<Long> onePerClass(List<StoredSample> pool, int numClasses, long seed, Set<Long> exclude) {
        List<List<Long>> byClass = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) byClass.add(new ArrayList<>());
        for (StoredSample s : pool) {
            if (s.trueLabel() == null || exclude.contains(s.id())) continue;
            if (s.trueLabel() >= 0 && s.trueLabel() < numClasses) byClass.get(s.trueLabel()).add(s.id());
        }
        Random random = new Random(seed);
        List<Long> out = new ArrayList<>();
        for (List<Long> candidates : byClass) {
            if (candidates.isEmpty()) continue;
            out.add(candidates.get(random.nextInt(candidates.size())));
        }
        return out;
    }
}
