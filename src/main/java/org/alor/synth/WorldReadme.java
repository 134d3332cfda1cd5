package org.alor.synth;

import java.util.Collection;

/** The README.md written next to a generated world. */
final class WorldReadme {
    private WorldReadme() {
    }

    static String command(SynthConfig c) {
        return "alor synth --out DIR --seed " + c.seed() + " --species " + c.species() + " --corpus " + c.corpusPairs()
                + " --image-size " + c.imageSize() + " --shard-size " + c.shardSize() + " --pool-max " + c.poolMax()
                + " --pool-min " + c.poolMin() + " --val " + c.valPerClass() + " --test " + c.testPerClass()
                + (c.domainGap() ? "" : " --shared-look");
    }

    static String text(SynthWorld w, Collection<String> corpusFiles) {
        SynthConfig c = w.config();
        int pool = sum(w.splitCounts("pool")), val = sum(w.splitCounts("val")), test = sum(w.splitCounts("test"));
        int[] counts = w.corpusCounts();
        int max = 0, absent = 0;
        for (int n : counts) {
            max = Math.max(max, n);
            if (n <= 3) absent++;
        }
        return "# Synthetic Aves — a miniature of the ALOR paper's world\n\n"
                + "Everything here is generated; no real photos, captions or species. It stands in for Semi-Aves\n"
                + "(task data) and LAION-400M (open pretraining data) so that ALOR Studio runs its whole job offline.\n\n"
                + "Regenerate byte for byte (same JDK) with:\n\n"
                + "    " + command(c) + "\n\n"
                + "## Contents\n\n"
                + "- " + c.species() + " species of invented birds (`world.json` lists names and visual traits: body, wing and head\n"
                + "  colours, beak, tail, crest, eye ring, wing pattern). Species of one genus share a body plan and differ\n"
                + "  in one or two traits. Class names are scientific names, as in Semi-Aves.\n"
                + "- Task data (" + c.imageSize() + "×" + c.imageSize() + " PNG, rendered with seeds disjoint from the corpus'):\n"
                + "  `pool.txt` (" + pool + " images, " + c.poolMax() + " down to " + c.poolMin() + " per class: more for species the corpus\n"
                + "  mentions more), `val.txt` (" + val + "), `test.txt` (" + test + "). Lines: `images/<split>/<species>/<n>.png <class_id> 1`\n"
                + "  (reference split-file format; the flag is always 1).\n"
                + "- `classes.json`: per class id, `name`, `alternates` {scientific name, common name: number of corpus\n"
                + "  captions matching it}, `most_common_name`, `actual_freq` (reference `*_metrics-LAION400M.json` format;\n"
                + "  matching rule of docs/method.md §6.2).\n"
                + "- `corpus/`: the open corpus, " + c.corpusPairs() + " image–caption pairs as webdataset tar shards of "
                + c.shardSize() + " pairs\n"
                + "  (`<key>.png`, `<key>.txt` caption, `<key>.json` with `species_id` = hidden truth, -1 for non-bird images,\n"
                + "  and `names_mentioned`), plus `metadata.csv` (key,caption,url) and `metadata-laion.csv`\n"
                + "  (SAMPLE_ID,URL,TEXT, LAION's column names). Species frequency is a Zipf long tail (exponent "
                + LongTail.EXPONENT + ";\n"
                + "  the most frequent species has " + max + " pairs, " + absent + " species have 0–3). 10% of the pairs are non-bird\n"
                + "  pictures with unrelated captions; about 3% of bird captions name the wrong species. URLs use the\n"
                + "  `.invalid` domain and never resolve.\n"
                + "- `world.json`: config, species with traits, corpus pairs and frequency rank per species, split sizes,\n"
                + "  and the SHA-256 of the " + corpusFiles.size() + " corpus files.\n\n"
                + "The corpus is not kept in git for the bundled sample (55 MB for the default world). Recreate it\n"
                + "(about 10–30 s) with `alor synth --ensure-corpus DIR` or `SynthWorld.ensureCorpus(DIR)`; both check\n"
                + "the recorded SHA-256 first and regenerate the corpus only when a file is missing or different.\n\n"
                + "Import with `alor init PROJECT --images DIR --format splits`.\n";
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int v : a) s += v;
        return s;
    }
}
