package org.alor.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.alor.retrieval.CaptionMatch;
import org.alor.retrieval.CaptionMatcher;
import org.alor.retrieval.CaptionRecord;
import org.alor.retrieval.ClassStats;
import org.alor.retrieval.ClassSynonyms;
import org.alor.retrieval.MatchStatistics;

/**
 * A miniature of the paper's world: species with visual traits, a LAION-like open corpus with a
 * long tail of species mentions, and an imbalanced task dataset (pool/val/test) whose imbalance
 * follows corpus frequency. Everything is planned in memory from the config (cheap); the write
 * methods render the images. Same config, same bytes.
 */
public final class SynthWorld {
    public static final double NON_BIRD_SHARE = 0.10;
    public static final String[] SPLITS = {"pool", "val", "test"};

    private final SynthConfig config;
    private final List<Species> species;
    private final LongTail tail;
    private final List<CorpusPair> corpus;
    private final int[][] splitCounts; // [split][class]
    private final List<TaskImage> taskImages;

    private SynthWorld(SynthConfig config) {
        this.config = config;
        this.species = SpeciesGenerator.generate(config.species(), config.seed());
        int nonBird = (int) Math.round(config.corpusPairs() * NON_BIRD_SHARE);
        this.tail = LongTail.of(config.species(), config.corpusPairs() - nonBird, config.seed());
        this.corpus = planCorpus(nonBird);
        this.splitCounts = planSplitCounts();
        this.taskImages = planTaskImages();
    }

    public static SynthWorld create(SynthConfig config) {
        return new SynthWorld(config);
    }

    public SynthConfig config() {
        return config;
    }

    public List<Species> species() {
        return species;
    }

    /** Corpus pairs whose image shows each species (hidden truth), by species id. */
    public int[] corpusCounts() {
        return tail.counts().clone();
    }

    /** 1-based corpus frequency rank per species id. */
    public int[] frequencyRanks() {
        return tail.ranks().clone();
    }

    public List<CorpusPair> corpus() {
        return corpus;
    }

    public List<TaskImage> taskImages() {
        return taskImages;
    }

    /** Images per class in a split ("pool", "val", "test"). */
    public int[] splitCounts(String split) {
        return splitCounts[splitIndex(split)].clone();
    }

    /**
     * Synonym counts, actual_freq and most_common_name of every class, matched on the corpus captions by
     * retrieval's own matcher, so the recorded counts are what {@code alor retrieve} finds.
     */
    public List<ClassStats> classStats() {
        List<ClassSynonyms> classes = new ArrayList<>(species.size());
        for (Species s : species) classes.add(new ClassSynonyms(s.id(), s.scientificName(), synonyms(s)));
        CaptionMatcher matcher = CaptionMatcher.build(classes);
        CaptionMatcher.Session session = matcher.newSession();
        List<CaptionMatch> matches = new ArrayList<>();
        for (CorpusPair p : corpus) {
            int[] refs = session.match(p.caption());
            if (refs.length > 0) matches.add(new CaptionMatch(new CaptionRecord(p.key(), p.caption(), p.url(), ""), refs));
        }
        return MatchStatistics.compute(classes, matcher, matches);
    }

    /** The synonyms recorded in classes.json: scientific name, then common name. */
    public static List<String> synonyms(Species s) {
        return List.of(s.scientificName(), s.commonName());
    }

    /** Writes the whole world (dataset, corpus, world.json, README.md) into {@code out}. */
    public WorldFiles writeTo(Path out) throws IOException {
        long start = System.nanoTime();
        WorldLayout.prepare(out);
        Map<String, String> corpusHashes = writeCorpus(out.resolve(WorldLayout.CORPUS_DIR));
        writeDataset(out);
        WorldJson.write(this, corpusHashes, out.resolve("world.json"));
        Files.writeString(out.resolve("README.md"), WorldReadme.text(this, corpusHashes.keySet()) + TinyClipReadme.section(out),
                StandardCharsets.UTF_8);
        return new WorldFiles(out, corpusHashes, (System.nanoTime() - start) / 1_000_000);
    }

    /** Renders the task images and writes pool.txt, val.txt, test.txt and classes.json. */
    public void writeDataset(Path out) throws IOException {
        try (OrderedParallel workers = new OrderedParallel(config.threads())) {
            for (String split : SPLITS) {
                List<TaskImage> images = new ArrayList<>();
                for (TaskImage t : taskImages) if (t.split().equals(split)) images.add(t);
                List<byte[]> pngs = workers.map(0, images.size(),
                        i -> Png.encode(SceneRenderer.bird(species.get(images.get(i).classId()), images.get(i).seed(), config.imageSize(), config.taskDomain())));
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < images.size(); i++) {
                    TaskImage t = images.get(i);
                    Path file = out.resolve(t.path());
                    Files.createDirectories(file.getParent());
                    Files.write(file, pngs.get(i));
                    lines.append(t.path()).append(' ').append(t.classId()).append(" 1\n");
                }
                Files.writeString(out.resolve(split + ".txt"), lines.toString(), StandardCharsets.UTF_8);
            }
        }
        ClassesJson.write(species, classStats(), out.resolve("classes.json"));
    }

    /** Renders the corpus into tar shards plus metadata tables; returns file name → SHA-256. */
    public Map<String, String> writeCorpus(Path corpusDir) throws IOException {
        return new CorpusWriter(this).write(corpusDir);
    }

    /**
     * Makes sure {@code datasetDir/corpus} holds the corpus recorded in {@code datasetDir/world.json},
     * regenerating it when a file is missing or differs.
     */
    public static CorpusCheck ensureCorpus(Path datasetDir) throws IOException {
        return WorldLayout.ensureCorpus(datasetDir);
    }

    private List<CorpusPair> planCorpus(int nonBird) {
        List<Integer> ids = new ArrayList<>();
        int[] counts = tail.counts();
        for (int s = 0; s < counts.length; s++) for (int n = 0; n < counts[s]; n++) ids.add(s);
        for (int n = 0; n < nonBird; n++) ids.add(-1);
        Collections.shuffle(ids, new java.util.Random(Seeds.mix(config.seed(), Seeds.CAPTIONS, -1)));
        List<CorpusPair> out = new ArrayList<>(ids.size());
        String[] hosts = {"photos", "img", "cdn", "birdforum", "stock"};
        for (int i = 0; i < ids.size(); i++) {
            SplittableRandom rnd = Seeds.random(config.seed(), Seeds.CAPTIONS, i);
            String key = String.format(java.util.Locale.ROOT, "%09d", i);
            String url = "https://" + hosts[rnd.nextInt(hosts.length)] + ".synthetic-aves.invalid/"
                    + (2012 + rnd.nextInt(10)) + "/" + key + ".png";
            int id = ids.get(i);
            SceneRenderer.Distractor kind = null;
            CaptionWriter.Caption caption;
            if (id >= 0) {
                caption = CaptionWriter.forBird(species.get(id), species, config.scientificCaptions(), rnd);
            } else {
                kind = SceneRenderer.Distractor.values()[rnd.nextInt(SceneRenderer.Distractor.values().length)];
                caption = CaptionWriter.forDistractor(kind, rnd);
            }
            out.add(new CorpusPair(key, caption.text(), url, id, kind, caption.names(), Seeds.mix(config.seed(), Seeds.CORPUS_IMAGE, i)));
        }
        return List.copyOf(out);
    }

    /** Pool size falls with the log of the corpus rank (±25% noise), so task imbalance follows corpus frequency. */
    private int[][] planSplitCounts() {
        int k = config.species();
        int[][] counts = new int[3][k];
        SplittableRandom rnd = Seeds.random(config.seed(), Seeds.SPLITS);
        for (int s = 0; s < k; s++) {
            double w = k == 1 ? 1 : 1 - Math.log(tail.ranks()[s]) / Math.log(k); // 1 for the top rank, 0 for the last
            double noise = 0.75 + 0.5 * rnd.nextDouble();
            int pool = (int) Math.round(config.poolMin() + (config.poolMax() - config.poolMin()) * w * noise);
            counts[0][s] = Math.max(config.poolMin(), Math.min(config.poolMax(), pool));
            counts[1][s] = config.valPerClass();
            counts[2][s] = config.testPerClass();
        }
        return counts;
    }

    private List<TaskImage> planTaskImages() {
        long[] streams = {Seeds.POOL_IMAGE, Seeds.VAL_IMAGE, Seeds.TEST_IMAGE};
        List<TaskImage> out = new ArrayList<>();
        for (int sp = 0; sp < SPLITS.length; sp++) {
            for (Species s : species) {
                for (int n = 0; n < splitCounts[sp][s.id()]; n++) {
                    String path = "images/" + SPLITS[sp] + "/" + s.slug() + "/" + n + ".png";
                    out.add(new TaskImage(SPLITS[sp], s.id(), n, path, Seeds.mix(config.seed(), streams[sp], s.id(), n)));
                }
            }
        }
        return List.copyOf(out);
    }

    private static int splitIndex(String split) {
        for (int i = 0; i < SPLITS.length; i++) if (SPLITS[i].equals(split)) return i;
        throw new IllegalArgumentException("unknown split '" + split + "' (expected pool, val or test)");
    }

    /** What {@link #writeTo} produced. */
    public record WorldFiles(Path root, Map<String, String> corpusHashes, long millis) {
        public WorldFiles {
            corpusHashes = Collections.unmodifiableMap(new LinkedHashMap<>(corpusHashes));
        }
    }

    /** Outcome of {@link #ensureCorpus}. */
    public enum CorpusCheck {
        /** every corpus file was present with the recorded SHA-256 */
        PRESENT,
        /** the corpus was (re)generated and matches the recorded SHA-256 */
        REGENERATED,
        /** regenerated, but some bytes differ from world.json (e.g. another JDK's PNG compressor); pixels are equal */
        REGENERATED_BYTES_DIFFER
    }
}
