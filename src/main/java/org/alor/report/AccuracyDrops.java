package org.alor.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** The rounds whose overall accuracy fell below the round before, with the classes that lost most. */
public final class AccuracyDrops {
    /** A class's accuracy in the round before and in the round that fell. */
    public record ClassLoss(int classId, double before, double after) {
        public double loss() {
            return before - after;
        }
    }

    /** Round {@code round} fell from {@code before} (round {@code previous}) to {@code after}. */
    public record Drop(int round, int previous, double before, double after, List<ClassLoss> lostMost) {
    }

    private AccuracyDrops() {
    }

    /**
     * @param overall  round → overall accuracy, in round order
     * @param perClass class id → round → accuracy
     * @param limit    how many classes each drop names at most (only classes that lost)
     */
    public static List<Drop> find(SortedMap<Integer, Double> overall, Map<Integer, ? extends Map<Integer, Double>> perClass,
                                  int limit) {
        List<Drop> drops = new ArrayList<>();
        Integer previous = null;
        for (Map.Entry<Integer, Double> e : overall.entrySet()) {
            if (previous != null && e.getValue() < overall.get(previous)) {
                drops.add(new Drop(e.getKey(), previous, overall.get(previous), e.getValue(),
                        lostMost(perClass, previous, e.getKey(), limit)));
            }
            previous = e.getKey();
        }
        return drops;
    }

    static List<ClassLoss> lostMost(Map<Integer, ? extends Map<Integer, Double>> perClass, int previous, int round, int limit) {
        List<ClassLoss> losses = new ArrayList<>();
        perClass.forEach((c, byRound) -> {
            Double before = byRound.get(previous);
            Double after = byRound.get(round);
            if (before != null && after != null && after < before) losses.add(new ClassLoss(c, before, after));
        });
        losses.sort(Comparator.comparingDouble(ClassLoss::loss).reversed().thenComparingInt(ClassLoss::classId));
        return List.copyOf(losses.subList(0, Math.min(limit, losses.size())));
    }
}
