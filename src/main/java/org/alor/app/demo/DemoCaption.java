package org.alor.app.demo;

import org.alor.app.charts.ChartData;

import org.alor.store.LabelState;
import org.alor.store.Selection;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * The one line under a side of the demo race that says what its last round changed: how many of the images it had
 * labeled for that round were of the species it knew least (the tail third outlined in its heat map), and how that
 * tail's accuracy moved since round 0.
 */
final class DemoCaption {
    private DemoCaption() {
    }

    /**
     * @param round      the round just finished
     * @param picked     the selections that were labeled for this round (those of round {@code round − 1})
     * @param labels     current labels of the side's project
     * @param data       the side's chart data (per-class accuracy, tail third)
     */
    static String of(int round, List<Selection> picked, Map<Long, LabelState> labels, ChartData data) {
        int tailSize = data.tailClasses().size();
        String tailAccuracy = tailAccuracy(data, round);
        if (round == 0) {
            return String.format(Locale.ROOT, "Round 0: one labeled image per species; the %d weakest species (outlined) are at %s.",
                    tailSize, tailAccuracy);
        }
        int inTail = 0;
        for (Selection s : picked) {
            LabelState state = labels.get(s.sampleId());
            if (state != null && state.isLabeled() && data.tailClasses().contains(state.classId())) inTail++;
        }
        return String.format(Locale.ROOT, "Round %d: %d of %d new labels were of the %d weakest species (outlined); their accuracy %s → %s.",
                round, inTail, picked.size(), tailSize, tailAccuracy(data, 0), tailAccuracy);
    }

    /** Mean test accuracy of the tail classes in {@code round}, in percent ("–" when unknown). */
    private static String tailAccuracy(ChartData data, int round) {
        double sum = 0;
        int n = 0;
        for (int c : data.tailClasses()) {
            SortedMap<Integer, Double> perRound = data.perClass().get(c);
            Double v = perRound == null ? null : perRound.get(round);
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * sum / n);
    }
}
