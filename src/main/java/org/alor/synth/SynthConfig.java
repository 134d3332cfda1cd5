package org.alor.synth;

/**
 * Everything that determines a synthetic world. Two worlds built from equal configs are byte-identical.
 *
 * @param seed          world seed
 * @param species       number of species (classes)
 * @param corpusPairs   image–caption pairs in the open corpus (bird and non-bird)
 * @param imageSize     side of every rendered image in pixels
 * @param shardSize     pairs per corpus tar shard
 * @param poolMax       pool images of the most frequent species
 * @param poolMin       pool images of the rarest species (at least 1)
 * @param valPerClass   validation images per class
 * @param testPerClass  test images per class
 * @param threads       rendering threads (does not change the output)
 * @param domainGap     corpus images are web images and task images field photos (format 2); false: one shared
 *                      look (format 1 worlds, regenerated as they were)
 * @param scientificCaptions share of bird captions that mention the scientific name (alone or beside the common
 *                      name); the rest of the named captions use the common name. Real web captions rarely use
 *                      scientific names, which is why a CLIP knows the common names better.
 */
public record SynthConfig(long seed, int species, int corpusPairs, int imageSize, int shardSize,
                          int poolMax, int poolMin, int valPerClass, int testPerClass, int threads, boolean domainGap,
                          double scientificCaptions) {

    /** Scientific-name share of bird captions in worlds made before the share could be chosen. */
    public static final double DEFAULT_SCIENTIFIC_CAPTIONS = 0.22;

    public SynthConfig(long seed, int species, int corpusPairs, int imageSize, int shardSize,
                       int poolMax, int poolMin, int valPerClass, int testPerClass, int threads, boolean domainGap) {
        this(seed, species, corpusPairs, imageSize, shardSize, poolMax, poolMin, valPerClass, testPerClass, threads, domainGap,
                DEFAULT_SCIENTIFIC_CAPTIONS);
    }

    public SynthConfig(long seed, int species, int corpusPairs, int imageSize, int shardSize,
                       int poolMax, int poolMin, int valPerClass, int testPerClass, int threads) {
        this(seed, species, corpusPairs, imageSize, shardSize, poolMax, poolMin, valPerClass, testPerClass, threads, true, DEFAULT_SCIENTIFIC_CAPTIONS);
    }

    /** Share of corpus bird images that look like field photos (web pages hold some of those too). */
    public static final double FIELD_SHARE_OF_CORPUS = 0.25;

    /** The look of a corpus bird image, decided by its rendering seed. */
    public SceneRenderer.Domain corpusDomain(long imageSeed) {
        if (!domainGap) return SceneRenderer.Domain.SHARED;
        double u = (Seeds.mix(imageSeed, 0x5EED_F1E1DL) >>> 11) / (double) (1L << 53);
        return u < FIELD_SHARE_OF_CORPUS ? SceneRenderer.Domain.FIELD : SceneRenderer.Domain.WEB;
    }

    public SceneRenderer.Domain taskDomain() {
        return domainGap ? SceneRenderer.Domain.FIELD : SceneRenderer.Domain.SHARED;
    }

    public SynthConfig withDomainGap(boolean gap) {
        return new SynthConfig(seed, species, corpusPairs, imageSize, shardSize, poolMax, poolMin, valPerClass, testPerClass, threads, gap, scientificCaptions);
    }

    public static final long DEFAULT_SEED = 7;

    public SynthConfig {
        require(species >= 2 && species <= 1000, "species must be between 2 and 1000, got " + species);
        require(corpusPairs >= 0 && corpusPairs <= 10_000_000, "corpus must be between 0 and 10,000,000 pairs, got " + corpusPairs);
        require(imageSize >= 16 && imageSize <= 2048, "image size must be between 16 and 2048 px, got " + imageSize);
        require(shardSize >= 1, "shard size must be at least 1, got " + shardSize);
        require(poolMin >= 1 && poolMax >= poolMin, "need 1 <= pool min <= pool max, got " + poolMin + ".." + poolMax);
        require(valPerClass >= 0 && testPerClass >= 0, "val/test per class must not be negative");
        require(threads >= 1, "threads must be at least 1, got " + threads);
        require(scientificCaptions >= 0 && scientificCaptions <= CaptionWriter.NAMED_SHARE,
                "scientific-name caption share must be between 0 and " + CaptionWriter.NAMED_SHARE + ", got " + scientificCaptions);
    }

    /**
     * The default sample world (v2): 120 species, 30,000 corpus pairs, 40 px, seed 7; pool 50 down to 10
     * images per class, 5 validation and 10 test images per class.
     */
    public static SynthConfig defaults() {
        return new SynthConfig(DEFAULT_SEED, 120, 30_000, 40, 1000, 50, 10, 5, 10, 2);
    }

    public SynthConfig withSeed(long s) {
        return new SynthConfig(s, species, corpusPairs, imageSize, shardSize, poolMax, poolMin, valPerClass, testPerClass, threads, domainGap, scientificCaptions);
    }

    public SynthConfig withSpecies(int k) {
        return new SynthConfig(seed, k, corpusPairs, imageSize, shardSize, poolMax, poolMin, valPerClass, testPerClass, threads, domainGap, scientificCaptions);
    }

    public SynthConfig withCorpusPairs(int m) {
        return new SynthConfig(seed, species, m, imageSize, shardSize, poolMax, poolMin, valPerClass, testPerClass, threads, domainGap, scientificCaptions);
    }

    public SynthConfig withImageSize(int s) {
        return new SynthConfig(seed, species, corpusPairs, s, shardSize, poolMax, poolMin, valPerClass, testPerClass, threads, domainGap, scientificCaptions);
    }

    public SynthConfig withShardSize(int s) {
        return new SynthConfig(seed, species, corpusPairs, imageSize, s, poolMax, poolMin, valPerClass, testPerClass, threads, domainGap, scientificCaptions);
    }

    public SynthConfig withSplitSizes(int pMax, int pMin, int val, int test) {
        return new SynthConfig(seed, species, corpusPairs, imageSize, shardSize, pMax, pMin, val, test, threads, domainGap, scientificCaptions);
    }

    public SynthConfig withThreads(int t) {
        return new SynthConfig(seed, species, corpusPairs, imageSize, shardSize, poolMax, poolMin, valPerClass, testPerClass, t, domainGap, scientificCaptions);
    }

    public SynthConfig withScientificCaptions(double share) {
        return new SynthConfig(seed, species, corpusPairs, imageSize, shardSize, poolMax, poolMin, valPerClass, testPerClass, threads, domainGap, share);
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
