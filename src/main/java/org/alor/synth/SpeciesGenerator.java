package org.alor.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.alor.retrieval.CaptionTokenizer;

/**
 * Generates the species of a world: genera of about three species sharing a body plan, species
 * that differ from their genus mates in one or two traits, descriptive common names and Latin-ish
 * binomials. Deliberately tricky names (when there are at least 3 species): "Swallow" (a string
 * prefix of "Swallowtail Kite", but not a token prefix), "Swallowtail Kite", and an eponym with an
 * apostrophe ("Ross's Gull"); many names are hyphenated. Otherwise no name's tokens occur inside
 * another name, so every caption match is intended.
 */
public final class SpeciesGenerator {
    private static final String[] GENUS_STEMS = {"Ptil", "Chlor", "Mel", "Xanth", "Call", "Orth", "Phyll", "Lept",
            "Erythr", "Cyan", "Poec", "Anth", "Hemi", "Tachy", "Micr", "Pachy", "Rhin", "Dendr", "Thamn", "Scler",
            "Aglai", "Bucc", "Cinn", "Drom", "Eury", "Glauc", "Heli", "Ixo", "Lamp", "Mniot", "Neph", "Ocyph"};
    private static final String[] VOWEL_SUFFIXES = {"ornis", "ura", "ops", "ites"};
    private static final String[] CONSONANT_SUFFIXES = {"spiza", "cola", "ptila", "rhynchus", "thraupis", "phaga"};
    private static final String[] EPONYMS = {"Ross", "Hartwell", "Lindqvist", "Okafor", "Moreau", "Tanaka",
            "Whitlock", "Alvarez", "Brandt", "Kowalski", "Nakamura", "Oduya", "Pereira", "Quist", "Sato"};

    private enum Mutation { HEAD, WING, BODY, CREST, EYE_RING, PATTERN, BEAK }

    private final SplittableRandom rnd;
    private final Set<String> commonNames = new HashSet<>();

    private SpeciesGenerator(long seed) {
        this.rnd = Seeds.random(seed, Seeds.SPECIES);
    }

    public static List<Species> generate(int count, long seed) {
        return new SpeciesGenerator(seed).build(count);
    }

    private List<Species> build(int count) {
        int genera = Math.max(1, (count + 2) / 3);
        List<BirdGroup> groups = groupOrder(genera, count >= 3);
        List<String> genusNames = genusNames(genera);
        int[] sizes = new int[genera];
        for (int i = 0; i < count; i++) sizes[i % genera]++;

        List<Draft> drafts = new ArrayList<>();
        for (int g = 0; g < genera; g++) drafts.addAll(genus(genusNames.get(g), groups.get(g), sizes[g], count >= 3 && g < 3));

        int[] order = permutation(drafts.size());
        Species[] out = new Species[drafts.size()];
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(order[i]);
            out[i] = new Species(i, d.genus, d.epithet, d.commonName, d.group, d.traits);
        }
        return List.of(out);
    }

    private List<BirdGroup> groupOrder(int genera, boolean tricky) {
        List<BirdGroup> rest = new ArrayList<>();
        for (BirdGroup b : BirdGroup.values()) if (!tricky || (b != BirdGroup.SWALLOW && b != BirdGroup.KITE && b != BirdGroup.GULL)) rest.add(b);
        shuffle(rest);
        List<BirdGroup> order = new ArrayList<>();
        if (tricky) order.addAll(List.of(BirdGroup.SWALLOW, BirdGroup.KITE, BirdGroup.GULL));
        for (int i = 0; order.size() < genera; i++) order.add(rest.get(i % rest.size()));
        return order;
    }

    private List<String> genusNames(int genera) {
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        while (names.size() < genera) {
            String stem = GENUS_STEMS[rnd.nextInt(GENUS_STEMS.length)];
            String name = rnd.nextBoolean()
                    ? stem + VOWEL_SUFFIXES[rnd.nextInt(VOWEL_SUFFIXES.length)]
                    : stem + "o" + CONSONANT_SUFFIXES[rnd.nextInt(CONSONANT_SUFFIXES.length)];
            if (seen.size() > 150) name = name + "ella".substring(0, 1 + names.size() % 4); // only for huge worlds
            if (seen.add(name)) names.add(name);
        }
        return names;
    }

    private record Draft(String genus, String epithet, String commonName, BirdGroup group, BirdTraits traits) {
    }

    private List<Draft> genus(String genus, BirdGroup group, int size, boolean tricky) {
        BirdTraits base = baseTraits(group);
        List<Draft> out = new ArrayList<>();
        Set<String> epithets = new HashSet<>();
        List<BirdTraits> mates = new ArrayList<>();
        for (int j = 0; j < size; j++) {
            BirdTraits t = base;
            List<Mutation> applied = new ArrayList<>();
            if (j > 0) {
                for (int attempt = 0; attempt < 100; attempt++) {
                    applied.clear();
                    t = base;
                    int n = rnd.nextDouble() < 0.6 ? 1 : 2;
                    List<Mutation> kinds = new ArrayList<>(Arrays.asList(Mutation.values()));
                    shuffle(kinds);
                    for (int m = 0; m < n; m++) {
                        t = mutate(t, kinds.get(m));
                        applied.add(kinds.get(m));
                    }
                    if (distinctFromAll(t, mates)) break;
                }
            }
            mates.add(t);
            // "Swallow" alone is a species name, so no other species may carry the word: its relatives are martins
            String noun = group == BirdGroup.SWALLOW ? "Martin" : group.noun;
            String common;
            if (tricky && j == 0) common = trickyName(group);
            else common = chooseCommonName(t, base, applied, noun);
            registerCommon(common);
            String epithet = chooseEpithet(genus, t, base, applied, epithets);
            out.add(new Draft(genus, epithet, common, group, t));
        }
        return out;
    }

    private String trickyName(BirdGroup group) {
        switch (group) {
            case SWALLOW: return "Swallow";
            case KITE: return "Swallowtail Kite";
            default: return EPONYMS[0] + "'s " + group.noun;
        }
    }

    private BirdTraits baseTraits(BirdGroup group) {
        Plumage body = plumage();
        Plumage wing = rnd.nextDouble() < 0.3 ? body : plumageOtherThan(body);
        Plumage head = plumageOtherThan(body);
        double beak = group.beakLength * (0.9 + 0.2 * rnd.nextDouble());
        WingPattern pattern = WingPattern.values()[rnd.nextInt(WingPattern.values().length)];
        return new BirdTraits(body, wing, head, group.beak, beak, group.tail, rnd.nextDouble() < 0.25,
                rnd.nextDouble() < 0.2, pattern);
    }

    private BirdTraits mutate(BirdTraits t, Mutation m) {
        switch (m) {
            case HEAD: return t.withHead(plumageOtherThan(t.head(), t.body()));
            case WING: return t.withWing(plumageOtherThan(t.wing()));
            case BODY: return t.withBody(plumageOtherThan(t.body(), t.head()));
            case CREST: return t.withCrest(!t.crest());
            case EYE_RING: return t.withEyeRing(!t.eyeRing());
            case PATTERN: {
                WingPattern[] all = WingPattern.values();
                WingPattern p;
                do p = all[rnd.nextInt(all.length)]; while (p == t.wingPattern());
                return t.withWingPattern(p);
            }
            default: return t.withBeakLength(t.beakLength() > 1.3 ? t.beakLength() * 0.5 : t.beakLength() * 2.1);
        }
    }

    private static boolean distinctFromAll(BirdTraits t, List<BirdTraits> others) {
        for (BirdTraits o : others) if (t.differences(o) == 0) return false;
        return true;
    }

    private String chooseCommonName(BirdTraits t, BirdTraits base, List<Mutation> applied, String noun) {
        List<String> modifiers = new ArrayList<>();
        for (Mutation m : applied) modifiers.add(modifier(m, t, base));
        modifiers.add(t.head().word + "-headed");
        modifiers.add(t.body().word);
        modifiers.add(t.wing().word + "-winged");
        List<String> candidates = new ArrayList<>();
        for (String m : modifiers) candidates.add(m + " " + noun);
        if (modifiers.size() >= 2) candidates.add(modifiers.get(0) + " " + modifiers.get(1) + " " + noun);
        for (String e : EPONYMS) candidates.add(e + "'s " + noun);
        for (String c : candidates) if (acceptable(c)) return c;
        while (true) { // large worlds: an invented eponym has a fresh token, so it cannot contain or hide in another name
            String c = inventedEponym() + "'s " + noun;
            if (acceptable(c)) return c;
        }
    }

    private String inventedEponym() {
        String[] first = {"Bar", "Kel", "Mor", "Tav", "Sil", "Dun", "Rav", "Hol", "Fen", "Gar", "Lud", "Pem"};
        String[] second = {"ton", "wick", "ley", "ford", "ner", "sby", "mont", "ard", "ell", "iss"};
        String[] third = {"", "er", "an", "ow"};
        return first[rnd.nextInt(first.length)] + second[rnd.nextInt(second.length)] + third[rnd.nextInt(third.length)];
    }

    private static String modifier(Mutation m, BirdTraits t, BirdTraits base) {
        switch (m) {
            case HEAD: return t.head().word + "-headed";
            case WING: return t.wing().word + "-winged";
            case BODY: return t.body().word;
            case CREST: return t.crest() ? t.head().word + "-crested" : "Smooth-headed";
            case EYE_RING: return t.eyeRing() ? "Spectacled" : "Bare-eyed";
            case PATTERN: {
                switch (t.wingPattern()) {
                    case SPOTTED: return "Spotted";
                    case BARRED: return "Barred";
                    case TIPPED: return "Pale-tipped";
                    default: return "Plain-winged";
                }
            }
            default: return t.beakLength() > base.beakLength() ? "Long-billed" : "Short-billed";
        }
    }

    /** Unique, and no name's tokens are an adjacent run inside another name's tokens (either way). */
    private boolean acceptable(String name) {
        if (commonNames.contains(name)) return false;
        for (String other : commonNames) {
            if (CaptionTokenizer.mentions(other, name) || CaptionTokenizer.mentions(name, other)) return false;
        }
        return true;
    }

    private void registerCommon(String name) {
        commonNames.add(name);
    }

    private String chooseEpithet(String genus, BirdTraits t, BirdTraits base, List<Mutation> applied, Set<String> used) {
        String end = genus.endsWith("a") ? "a" : "us";
        List<String> candidates = new ArrayList<>();
        for (Mutation m : applied) candidates.add(epithet(m, t, base, end));
        candidates.add(adjective(t.body().latinRoot, end));
        candidates.add(stem(t.head().latinRoot) + "iceps");
        candidates.add(stem(t.wing().latinRoot) + "ipennis");
        for (String c : candidates) if (used.add(c)) return c;
        for (int i = 0; ; i++) {
            String c = adjective(t.body().latinRoot, end) + "ella".substring(0, 1 + i % 4) + (i / 4 == 0 ? "" : "" + i / 4);
            if (used.add(c)) return c;
        }
    }

    private static String epithet(Mutation m, BirdTraits t, BirdTraits base, String end) {
        switch (m) {
            case HEAD: return stem(t.head().latinRoot) + "iceps";
            case WING: return stem(t.wing().latinRoot) + "ipennis";
            case BODY: return adjective(t.body().latinRoot, end);
            case CREST: return t.crest() ? "cristat" + end : "calv" + end;
            case EYE_RING: return t.eyeRing() ? "conspicillat" + end : "nudifrons";
            case PATTERN: {
                switch (t.wingPattern()) {
                    case SPOTTED: return "maculat" + end;
                    case BARRED: return "fasciat" + end;
                    case TIPPED: return "marginat" + end;
                    default: return "unicolor";
                }
            }
            default: return t.beakLength() > base.beakLength() ? "longirostris" : "brevirostris";
        }
    }

    private static String adjective(String root, String end) {
        if (root.endsWith("r")) return end.equals("a") ? root + "a" : root.substring(0, root.length() - 1) + "er";
        return root + end;
    }

    private static String stem(String root) {
        return root.endsWith("e") ? root.substring(0, root.length() - 1) : root;
    }

    private Plumage plumage() {
        Plumage[] all = Plumage.values();
        return all[rnd.nextInt(all.length)];
    }

    private Plumage plumageOtherThan(Plumage... not) {
        while (true) {
            Plumage p = plumage();
            if (!Arrays.asList(not).contains(p)) return p;
        }
    }

    private int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }
}
