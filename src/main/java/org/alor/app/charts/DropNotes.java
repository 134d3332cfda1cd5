package org.alor.app.charts;

import org.alor.data.ClassInfo;
import org.alor.report.AccuracyDrops;
import org.alor.store.MetricRow;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The words under the Overall chart for each round whose test accuracy fell: by how much, who lost most, and why. */
final class DropNotes {
    private static final int CLASSES_NAMED = 3;

    /** A round that fell, and what to say about it. */
    record Note(int round, String text) {
    }

    private DropNotes() {
    }

    /** The notes, the latest round first. */
    static List<Note> of(ChartData d) {
        if (d.runs().isEmpty()) return List.of();
        ChartData.Run run = d.runs().get(0);
        TreeMap<Integer, Double> overall = new TreeMap<>();
        run.overall().forEach((r, m) -> overall.put(r, m.accuracy()));
        Map<Integer, String> names = d.classes().stream().collect(Collectors.toMap(ClassInfo::id, ConfusionView::displayName));
        List<AccuracyDrops.Drop> drops = new java.util.ArrayList<>(AccuracyDrops.find(overall, d.perClass(), CLASSES_NAMED));
        java.util.Collections.reverse(drops);
        return drops.stream()
                .map(drop -> new Note(drop.round(), text(drop, run.overall().get(drop.round()), run, names::get)))
                .toList();
    }

    static String text(AccuracyDrops.Drop drop, MetricRow metrics, ChartData.Run run, Function<Integer, String> names) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Round %d%s: test accuracy fell from %.1f %% (round %d) to %.1f %%.",
                drop.round(), run.roundName(drop.round()).isEmpty() ? "" : " (" + run.roundName(drop.round()) + ")",
                100 * drop.before(), drop.previous(), 100 * drop.after()));
        if (!drop.lostMost().isEmpty()) {
            sb.append(" Lost most: ").append(drop.lostMost().stream().map(l -> String.format(Locale.ROOT, "%s %.0f → %.0f %%",
                    names.apply(l.classId()), 100 * l.before(), 100 * l.after())).collect(Collectors.joining(", "))).append('.');
        }
        sb.append(" With a few labels per class, a new round's labels can pull look-alike classes towards the classes they name");
        if (!run.roundName(drop.round()).equals(run.roundName(drop.previous()))) sb.append(", and this round changed the method or strategy");
        sb.append('.');
        if (metrics != null && metrics.support() > 0) {
            sb.append(String.format(Locale.ROOT, " The test split has %d images: one image is %.1f points.", metrics.support(),
                    100.0 / metrics.support()));
        }
        return sb.toString();
    }
}
