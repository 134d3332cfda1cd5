package org.alor.app.label;

import org.alor.data.ClassInfo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds classes by scientific name, common name or synonym. Matches are ranked by the model's probability
 * for the current image first, then by how well the text matched (whole-name prefix, word prefix,
 * substring), then alphabetically.
 */
public final class ClassSearch {
    /** One hit; {@code probability} is null when the model gave none for this class. */
    public record ClassMatch(int classId, String name, String commonName, String matchedName, Double probability) {
        public String display() {
            String common = commonName.equals(name) ? "" : " — " + commonName;
            String via = matchedName.equals(name) || matchedName.equals(commonName) ? "" : " (" + matchedName + ")";
            String prob = probability == null ? "" : String.format(Locale.ROOT, "  %.2f", probability);
            return name + common + via + prob;
        }
    }

    private record Candidate(ClassInfo info, List<String> names, List<String> keys) {
    }

    private final List<Candidate> candidates = new ArrayList<>();

    public ClassSearch(List<ClassInfo> classes) {
        for (ClassInfo c : classes) {
            Set<String> names = new LinkedHashSet<>();
            names.add(c.name());
            names.add(c.mostCommonName());
            names.addAll(c.synonyms().keySet());
            List<String> list = List.copyOf(names);
            candidates.add(new Candidate(c, list, list.stream().map(ClassSearch::normalize).toList()));
        }
    }

    public List<ClassMatch> search(String query, Map<Integer, Double> probabilities, int limit) {
        String q = normalize(query == null ? "" : query).strip();
        List<Scored> hits = new ArrayList<>();
        for (Candidate c : candidates) {
            int best = 0;
            String matched = c.info().name();
            for (int i = 0; i < c.keys().size(); i++) {
                int s = q.isEmpty() ? 1 : score(c.keys().get(i), q);
                if (s > best) {
                    best = s;
                    matched = c.names().get(i);
                }
            }
            if (best > 0) {
                Double p = probabilities.get(c.info().id());
                hits.add(new Scored(new ClassMatch(c.info().id(), c.info().name(), c.info().mostCommonName(), matched, p), best));
            }
        }
        hits.sort(Comparator.<Scored>comparingDouble(s -> s.match.probability() == null ? -1 : s.match.probability()).reversed()
                .thenComparing(Comparator.comparingInt((Scored s) -> s.score).reversed())
                .thenComparing(s -> s.match.name()));
        return hits.stream().limit(limit).map(s -> s.match).toList();
    }

    private record Scored(ClassMatch match, int score) {
    }

    /** 3 = the name starts with the query, 2 = every query word starts a word of the name, 1 = substring, 0 = no match. */
    static int score(String name, String q) {
        if (name.startsWith(q)) return 3;
        String[] words = name.split("[\\s\\-_'.]+");
        boolean all = true;
        for (String t : q.split("\\s+")) {
            boolean found = false;
            for (String w : words) {
                if (w.startsWith(t)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                all = false;
                break;
            }
        }
        if (all) return 2;
        return name.contains(q) ? 1 : 0;
    }

    static String normalize(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return d.toLowerCase(Locale.ROOT);
    }
}
