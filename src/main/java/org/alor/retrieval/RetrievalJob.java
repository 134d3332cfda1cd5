package org.alor.retrieval;

import org.alor.job.CancellationToken;
import org.alor.data.ClassInfo;
import org.alor.data.ClassMetadataJson;
import org.alor.store.ClassSynonym;
import org.alor.store.ProjectStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retrieval for one project (docs/method.md §6): scan the corpus once for all synonyms (resumable, progress under
 * {@code <project>/retrieval/progress}), record synonym counts and most common names in the store, keep the top
 * matches per class, and synchronise the retrieval cache.
 */
public final class RetrievalJob {
    public static final String PROGRESS_DIR = RetrievalCache.DIR + "/progress";
    private final ProjectStore store;
    private final CorpusReader corpus;
    private final RetrievalOptions options;
    private volatile CorpusScan scan;
    private CaptionMatcher lastMatcher;
    private List<CaptionMatch> lastMatches = List.of();

    public RetrievalJob(ProjectStore store, CorpusReader corpus, RetrievalOptions options) {
        this.store = store;
        this.corpus = corpus;
        this.options = options;
    }

    public void cancel() {
        CorpusScan s = scan;
        if (s != null) s.cancel();
    }

    public RetrievalReport run(ScanListener listener) throws IOException, InterruptedException {
        return run(listener, new CancellationToken());
    }

    /** Runs until done or until {@code token} is cancelled (the caption scan stops between records). */
    public RetrievalReport run(ScanListener listener, CancellationToken token) throws IOException, InterruptedException {
        List<ClassSynonyms> classes = ClassSynonyms.fromStore(store);
        CaptionMatcher matcher = CaptionMatcher.build(classes);
        scan = new CorpusScan(corpus, matcher, options.threads(), store.dir().resolve(PROGRESS_DIR));
        ScanResult result = scan.run(listener, token);
        refuseIncomplete(result);
        List<CaptionMatch> matches = result.matches();
        lastMatcher = matcher;
        lastMatches = matches;
        List<ClassStats> stats = MatchStatistics.compute(classes, matcher, matches);
        saveStats(stats);
        CaptionRanker ranker = options.ranker() == null ? null : new CaptionRanker(options.ranker(), options.templates(), 256);
        Map<Integer, List<KeptItem>> kept = ClassSelection.select(classes, matcher, matches, options.perClass(), ranker);
        RetrievalCache.SyncResult sync = new RetrievalCache(store).sync(corpus, kept, options, listener);
        Map<Integer, Integer> keptCounts = new LinkedHashMap<>();
        for (ClassSynonyms c : classes) keptCounts.put(c.classId(), 0);
        store.sampleTable().trueLabelCounts(org.alor.data.Split.RETRIEVED).forEach((k, v) -> {
            if (keptCounts.containsKey(k)) keptCounts.put(k, v);
        });
        List<String> warnings = new ArrayList<>(matcher.warnings());
        warnings.addAll(result.warnings());
        return new RetrievalReport(stats, keptCounts, result.captions(), matches.size(), sync.added(), sync.removed(),
                sync.failures(), warnings, ranker != null);
    }

    /**
     * Retrieval replaces the kept images with what this scan found: a scan that missed shards, or read no caption
     * at all, would delete what earlier runs kept. It stops before the store or the cache is touched.
     */
    private void refuseIncomplete(ScanResult result) throws UnreadableCorpusException {
        List<String> failed = result.failedShards();
        if (!failed.isEmpty()) {
            String more = failed.size() > 1 ? " (and " + (failed.size() - 1) + " more unreadable shard(s))" : "";
            throw new UnreadableCorpusException(failed.get(0) + more + "; nothing changed");
        }
        if (result.captions() == 0) {
            List<String> warnings = result.warnings();
            String why = warnings.isEmpty() ? "" : " (" + warnings.get(0) + ")";
            List<String> shards = result.shards().stream().map(ShardResult::shard).toList();
            String names = shards.size() <= 3 ? String.join(", ", shards) : String.join(", ", shards.subList(0, 3)) + ", ...";
            throw new UnreadableCorpusException("no caption read from corpus " + corpus.name() + " (" + names + ")" + why
                    + "; nothing changed");
        }
    }

    /**
     * Writes the matched records of the last run as JSON lines, in corpus order:
     * {@code {"shard","key","url","caption","classes":{"<id>":["synonym",...]}}}.
     */
    public void writeMatches(Path file) throws IOException {
        if (lastMatcher == null) throw new IllegalStateException("run() first");
        com.google.gson.Gson gson = new com.google.gson.GsonBuilder().disableHtmlEscaping().create();
        try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
            for (CaptionMatch m : lastMatches) {
                com.google.gson.JsonObject o = new com.google.gson.JsonObject();
                o.addProperty("shard", m.record().shard());
                o.addProperty("key", m.record().key());
                if (m.record().url() != null) o.addProperty("url", m.record().url());
                o.addProperty("caption", m.record().caption());
                com.google.gson.JsonObject classes = new com.google.gson.JsonObject();
                for (int r : m.refs()) {
                    SynonymRef ref = lastMatcher.refs().get(r);
                    String id = Integer.toString(ref.classId());
                    if (!classes.has(id)) classes.add(id, new com.google.gson.JsonArray());
                    classes.getAsJsonArray(id).add(ref.synonym());
                }
                o.add("classes", classes);
                w.write(gson.toJson(o));
                w.write('\n');
            }
        }
    }

    private void saveStats(List<ClassStats> stats) {
        Map<Integer, Map<String, Integer>> counts = new HashMap<>();
        for (ClassStats s : stats) counts.put(s.classId(), s.synonymCounts());
        store.classTable().updateCounts(counts);
        for (ClassStats s : stats) store.classTable().setMostCommonName(s.classId(), s.mostCommonName());
    }

    /**
     * Writes the reference class metadata JSON of the project: every synonym (excluded ones with their last
     * count), most common names, and {@code actual_freq} from {@code stats}.
     */
    public static void exportMetadata(ProjectStore store, List<ClassStats> stats, Path file) throws IOException {
        Map<Integer, Integer> freq = new HashMap<>();
        for (ClassStats s : stats) freq.put(s.classId(), s.actualFreq());
        List<ClassInfo> classes = new ArrayList<>();
        for (ClassInfo c : store.classTable().all()) {
            Map<String, Integer> syn = new LinkedHashMap<>();
            for (ClassSynonym s : store.classTable().synonyms(c.id())) syn.put(s.synonym(), s.corpusCount());
            classes.add(new ClassInfo(c.id(), c.name(), c.mostCommonName(), syn));
        }
        ClassMetadataJson.write(file, classes, freq);
    }
}
