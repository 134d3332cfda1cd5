package org.alor.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes LAION-like captions: templates with common names, scientific names, both, partial names
 * (genus only, or the last word of the common name) or no name at all, with noisy case,
 * punctuation, quotes and hyphenation. A few captions name the wrong species.
 */
public final class CaptionWriter {
    static final double WRONG_SPECIES = 0.03;
    /** Share of bird captions naming the species in full: common name, scientific name, or both. */
    public static final double NAMED_SHARE = 0.64;
    /** Of the captions mentioning the scientific name, this part gives it alone; the rest also give the common name. */
    private static final double SCIENTIFIC_ALONE = 12.0 / 22.0;

    private static final String[] COMMON = {"{}", "a photo of a {}", "{} perched on a branch", "Beautiful {} in the garden",
            "{} seen near the lake", "my first {} of the year!", "#birding #{}", "{} | wildlife photography",
            "Photo of {} taken on a morning walk", "{} (adult)", "Close-up of a {}", "{} in flight", "A {} on a fence post",
            "{} print, framed wall art", "{} bird watching 2019", "juvenile {} foraging", "Male {} singing at dawn"};
    private static final String[] SCIENTIFIC = {"{}", "{} (photo)", "{} specimen photo", "field guide plate: {}",
            "{} - observed 2021-05-14", "Species: {}"};
    private static final String[] BOTH = {"{c} ({s})", "{c} / {s}", "{s} - {c}", "{c}, {s}, adult"};
    private static final String[] GENUS = {"a {} species in the reeds", "unidentified {} sp.", "{} sp. photographed at dawn"};
    private static final String[] LAST_WORD = {"little {} on the feeder", "{} in the tree", "a {} I saw today", "cute {}"};
    private static final String[] NAMELESS = {"my backyard visitor today", "bird on a branch", "IMG_{n}.JPG",
            "nature photography", "spring migration", "look who came to say hi!", "feathered friend", "birds of the park",
            "wildlife stock photo", "a small bird", "beautiful colours on this one", "DSC{n}"};
    private static final String[][] DISTRACTOR = {
            {"sunset over the hills", "mountain landscape wallpaper", "green valley at dawn", "panoramic view of the countryside"},
            {"abstract geometric art print", "colorful shapes background", "modern logo design", "circle and triangle pattern"},
            {"striped fabric texture", "retro stripes wallpaper", "red and blue striped pattern", "deck chair canvas"}};
    private static final String[] UNRELATED = {"vintage car for sale", "cheap flights to Lisbon", "hand-knitted wool sweater",
            "USB-C charging cable 2m", "chocolate cake recipe", "office desk with laptop", "Wedding invitation template"};

    /** A caption and the canonical names it mentions. */
    public record Caption(String text, List<String> names) {
    }

    private CaptionWriter() {
    }

    public static Caption forBird(Species species, List<Species> all, SplittableRandom rnd) {
        return forBird(species, all, SynthConfig.DEFAULT_SCIENTIFIC_CAPTIONS, rnd);
    }

    /** @param scientificShare share of bird captions that mention the scientific name (0 … {@link #NAMED_SHARE}) */
    public static Caption forBird(Species species, List<Species> all, double scientificShare, SplittableRandom rnd) {
        double commonEnd = NAMED_SHARE - scientificShare;
        double scientificEnd = commonEnd + scientificShare * SCIENTIFIC_ALONE;
        Species named = species;
        if (all.size() > 1 && rnd.nextDouble() < WRONG_SPECIES) {
            do named = all.get(rnd.nextInt(all.size())); while (named.id() == species.id());
        }
        double r = rnd.nextDouble();
        List<String> names = new ArrayList<>();
        String text;
        if (r < commonEnd) {
            names.add(named.commonName());
            text = fill(pick(COMMON, rnd), vary(named.commonName(), rnd));
        } else if (r < scientificEnd) {
            names.add(named.scientificName());
            text = fill(pick(SCIENTIFIC, rnd), varyScientific(named.scientificName(), rnd));
        } else if (r < NAMED_SHARE) {
            String t = pick(BOTH, rnd);
            boolean scientificFirst = t.indexOf("{s}") < t.indexOf("{c}");
            names.add(scientificFirst ? named.scientificName() : named.commonName());
            names.add(scientificFirst ? named.commonName() : named.scientificName());
            text = t.replace("{c}", vary(named.commonName(), rnd)).replace("{s}", varyScientific(named.scientificName(), rnd));
        } else if (r < 0.70) {
            names.add(named.genus());
            text = fill(pick(GENUS, rnd), named.genus());
        } else if (r < 0.78) {
            names.add(named.lastWord());
            text = fill(pick(LAST_WORD, rnd), named.lastWord().toLowerCase(Locale.ROOT));
        } else {
            text = pick(NAMELESS, rnd).replace("{n}", Integer.toString(1000 + rnd.nextInt(9000)));
        }
        return new Caption(noise(text, rnd), names);
    }

    public static Caption forDistractor(SceneRenderer.Distractor kind, SplittableRandom rnd) {
        String text = rnd.nextDouble() < 0.7 ? pick(DISTRACTOR[kind.ordinal()], rnd) : pick(UNRELATED, rnd);
        return new Caption(noise(text, rnd), List.of());
    }

    private static String fill(String template, String name) {
        return template.replace("{}", name);
    }

    /** Common-name spelling noise: hyphens become spaces or the other way round, quotes, case. */
    private static String vary(String name, SplittableRandom rnd) {
        String v = name;
        double r = rnd.nextDouble();
        if (r < 0.25) v = v.replace('-', ' ');
        else if (r < 0.30) v = v.replace(' ', '-');
        else if (r < 0.33) v = v.replace(' ', '_');
        if (rnd.nextDouble() < 0.25) v = v.toLowerCase(Locale.ROOT);
        if (rnd.nextDouble() < 0.05) v = "\"" + v + "\"";
        return v;
    }

    private static String varyScientific(String name, SplittableRandom rnd) {
        double r = rnd.nextDouble();
        if (r < 0.2) return name.toLowerCase(Locale.ROOT);
        if (r < 0.25) return name.toUpperCase(Locale.ROOT);
        return name;
    }

    private static String noise(String text, SplittableRandom rnd) {
        String t = text;
        double r = rnd.nextDouble();
        if (r < 0.12) t = t.toLowerCase(Locale.ROOT);
        else if (r < 0.16) t = t.toUpperCase(Locale.ROOT);
        double p = rnd.nextDouble();
        if (p < 0.1) t = t + ".";
        else if (p < 0.15) t = t + "!!";
        else if (p < 0.18) t = t + " ...";
        return t;
    }

    private static String pick(String[] options, SplittableRandom rnd) {
        return options[rnd.nextInt(options.length)];
    }
}
