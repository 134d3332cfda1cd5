package org.alor.app.label;

import org.alor.data.ClassInfo;
import org.alor.store.Selection;
import org.alor.store.StoredSample;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the labeling screen says about a round and its images: suggestions, why picked, provenance, status, header. */
final class LabelingTexts {
    private static final Pattern CLASS_ID = Pattern.compile("\\bclass (\\d+)\\b");
    private static final Pattern NEGATIVE_ZERO = Pattern.compile("(?<![\\w.])-(0(?:\\.0+)?)(?![0-9.])");
    private final LabelingSession session;
    private final Map<Integer, ClassInfo> classes = new HashMap<>();

    LabelingTexts(LabelingSession session) {
        this.session = session;
        for (ClassInfo c : session.classes()) classes.put(c.id(), c);
    }

    boolean knows(int classId) {
        return classes.containsKey(classId);
    }

    /** The scientific name alone. */
    String name(int classId) {
        return classes.get(classId).name();
    }

    /** The scientific name with the common one in brackets when it differs; "class id" when unknown. */
    String className(Integer id) {
        ClassInfo c = id == null ? null : classes.get(id);
        return c == null ? "class " + id : c.mostCommonName().equals(c.name()) ? c.name() : c.name() + " (" + c.mostCommonName() + ")";
    }

    /** The model's top classes for the image, or the class it was picked for when there are no predictions. */
    List<Suggestion> suggestionsFor(QueueItem item) {
        List<Suggestion> out = new ArrayList<>();
        for (PredictionSource.ClassProbability p : session.predictions().getOrDefault(item.sampleId(), List.of())) {
            if (out.size() == LabelingSession.TOP_K) break;
            ClassInfo c = classes.get(p.classId());
            if (c != null) out.add(suggestion(out.size() + 1, c, p.probability()));
        }
        Integer picked = item.selection().pickedForClass();
        if (out.isEmpty() && picked != null && classes.containsKey(picked)) out.add(suggestion(1, classes.get(picked), null));
        return out;
    }

    private Suggestion suggestion(int rank, ClassInfo c, Double p) {
        return new Suggestion(rank, c.id(), c.name(), c.mostCommonName(), p, session.references().getOrDefault(c.id(), List.of()));
    }

    /** The strategy's reason, or one built from the class it was picked for and its score. */
    String reasonText(Selection s, int queueSize) {
        StringBuilder sb = new StringBuilder();
        if (s.reason() != null && !s.reason().isBlank()) sb.append(readable(s.reason()));
        else {
            sb.append("Picked by ").append(session.round().strategy());
            if (s.pickedForClass() != null) sb.append(" for ").append(className(s.pickedForClass()));
            if (s.score() != null) sb.append(String.format(Locale.ROOT, "; score %.2f", s.score()));
        }
        sb.append("\nPick ").append(s.rank() + 1).append(" of ").append(queueSize);
        return sb.toString();
    }

    /**
     * A strategy's stored reason as a person reads it: select knows classes by id only, so "class 4" becomes the
     * class's name; reasons stored before the entropy was clamped may say "-0.000", which is 0.
     */
    String readable(String reason) {
        Matcher m = CLASS_ID.matcher(reason);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int id = Integer.parseInt(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(knows(id) ? "class " + className(id) : m.group()));
        }
        m.appendTail(sb);
        return NEGATIVE_ZERO.matcher(sb).replaceAll("$1");
    }

    /**
     * Split, file name and size, without the folders: datasets sorted into class folders would name the answer.
     * The full path is {@link #fullPath}, shown only on request.
     */
    static String provenanceText(QueueItem item) {
        StoredSample s = item.sample();
        StringBuilder sb = new StringBuilder();
        sb.append(s.split().key()).append(" · ").append(fileName(s.path())).append(" · sample ").append(s.id()).append('\n');
        sb.append(s.width()).append('×').append(s.height());
        try {
            if (Files.isRegularFile(item.file())) {
                sb.append(String.format(Locale.ROOT, ", %.1f kB", Files.size(item.file()) / 1024.0));
            } else {
                sb.append("\n⚠ file missing (Show file gives its path)");
            }
        } catch (java.io.IOException e) {
            sb.append("\n⚠ cannot read the file (Show file gives its path)");
        }
        if (s.provenanceJson() != null) sb.append('\n').append(s.provenanceJson());
        return sb.toString();
    }

    /** Where the image is on disk, for the explicit "Show file" action. */
    static String fullPath(QueueItem item) {
        return item.file().toString();
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    String statusText(LabelQueue.Entry e) {
        return switch (e.status()) {
            case LABELED -> "Labeled " + className(e.classId()) + " — press a key to correct";
            case UNSURE -> "Marked unsure";
            case SKIPPED -> "Skipped earlier";
            case PENDING -> "";
        };
    }

    String completion(LabelQueue queue) {
        int unsure = queue.count(ItemStatus.UNSURE);
        return String.format(Locale.ROOT, "Round %d complete: every picked image has a decision (%d labeled%s).",
                session.round().index(), queue.count(ItemStatus.LABELED), unsure > 0 ? ", " + unsure + " unsure" : "");
    }

    String header(LabelQueue queue, boolean reviewing) {
        int unsure = queue.count(ItemStatus.UNSURE);
        return String.format(Locale.ROOT, "Round %d · %s · %d / %d labeled%s%s", session.round().index(),
                session.round().strategy(), queue.count(ItemStatus.LABELED), queue.size(),
                unsure > 0 ? " · " + unsure + " unsure" : "",
                reviewing ? " · reviewing unsure" : "");
    }
}
