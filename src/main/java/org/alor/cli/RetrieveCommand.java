package org.alor.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.alor.data.ClassMetadataJson;
import org.alor.data.DatasetFormatException;
import org.alor.data.GuardedExport;
import org.alor.loop.Project;
import org.alor.loop.ProjectRetrieval;
import org.alor.loop.RetrievalSpec;
import org.alor.report.LongTailChart;
import org.alor.retrieval.ClassStats;
import org.alor.retrieval.ClassSynonyms;
import org.alor.retrieval.ItemStatus;
import org.alor.retrieval.RetrievalJob;
import org.alor.retrieval.RetrievalReport;
import org.alor.retrieval.ScanListener;
import org.alor.retrieval.ShardResult;
import org.alor.retrieval.TableColumns;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import org.alor.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** `alor retrieve`: retrieval from an open corpus (docs/method.md §6) into the project's retrieval cache. */
@Command(name = "retrieve", mixinStandardHelpOptions = true,
        description = "Match corpus captions against class synonyms, keep the top images per class in the project.")
public final class RetrieveCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SessionOptions sessionOptions = new SessionOptions();

    @Parameters(index = "0", paramLabel = "PROJECT_DIR")
    Path projectDir;

    @Option(names = "--corpus", paramLabel = "PATH", description = "Corpus folder or file (default: the project's 'corpus' setting).")
    Path corpus;

    @Option(names = "--format", defaultValue = "auto", description = "auto, wds, files, parquet or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--per-class", defaultValue = "500", paramLabel = "N", description = "Images kept per class (default: ${DEFAULT-VALUE}).")
    int perClass;

    @Option(names = "--no-rank", description = "Keep matches in corpus order instead of ranking by caption-prompt similarity.")
    boolean noRank;

    @Option(names = "--threads", paramLabel = "T", description = "Shard-scanning threads (default: up to 4).")
    Integer threads;

    @Option(names = "--template", paramLabel = "TEXT", description = "Prompt template with {} for ranking (repeatable; default: 'a photo of a {}.').")
    List<String> templates;

    @Option(names = "--caption-column", description = "Caption column of a table corpus (default: TEXT or caption).")
    String captionColumn;

    @Option(names = "--url-column", description = "URL column of a table corpus (default: URL or url).")
    String urlColumn;

    @Option(names = "--key-column", description = "Key column of a table corpus (default: SAMPLE_ID or key, else the row number).")
    String keyColumn;

    @Option(names = "--min-side", paramLabel = "PX", description = "Minimum shorter side of downloaded images (default: 85).")
    Integer minSide;

    @Option(names = "--metadata-out", paramLabel = "FILE.json", description = "Also write the class metadata JSON (reference format).")
    Path metadataOut;

    @Option(names = "--matches-out", paramLabel = "FILE.jsonl", description = "Also write every matched record (JSON lines).")
    Path matchesOut;

    @Option(names = "--synonyms", paramLabel = "FILE.json",
            description = "Class metadata JSON (reference format) whose alternates replace the project's synonym lists.")
    Path synonymsFile;

    @Option(names = "--dedup", paramLabel = "COSINE",
            description = "Drop retrieved images whose CLIP image embedding is at least this cosine-similar to a pool/val/test image (e.g. 0.95; default off).")
    Double dedup;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Save the long-tail chart (classes by kept count).")
    Path plot;

    @Option(names = "--force", description = "Let --plot, --metadata-out and --matches-out replace existing files"
            + " (never files in the project folder).")
    boolean force;

    @Override
    public Integer call() {
        RetrievalSpec retrieval;
        try {
            retrieval = retrievalSpec();
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        Progress progress = null;
        try {
            for (Path report : new Path[] {matchesOut, metadataOut, plot}) {
                if (report != null) GuardedExport.checkReportFile(projectDir, report, force);
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("alor retrieve: " + e.getMessage());
            return 1;
        }
        try (Project session = sessionOptions.open(projectDir)) {
            ProjectStore store = session.store();
            if (corpus == null && store.settings().getPath(Settings.CORPUS).isEmpty()) {
                return usage("no --corpus given and the project has no 'corpus' setting");
            }
            ProjectRetrieval.Prepared prepared = ProjectRetrieval.prepare(session, retrieval);
            if (synonymsFile != null) {
                try {
                    ClassSynonyms.replaceInStore(store, ClassMetadataJson.read(synonymsFile));
                } catch (DatasetFormatException e) {
                    spec.commandLine().getErr().println("alor retrieve: " + e.getMessage());
                    return 1;
                } catch (IllegalArgumentException e) {
                    spec.commandLine().getErr().println("alor retrieve: " + synonymsFile + ": " + e.getMessage());
                    return 1;
                }
            }
            RetrievalJob job = prepared.job();
            String rankNote = prepared.rankingNote();
            if (rankNote != null) spec.commandLine().getErr().println("note: " + rankNote);
            progress = new Progress(prepared.shards(), spec.commandLine().getErr());
            RetrievalReport report = job.run(progress);
            progress.finish();
            for (String w : report.warnings()) spec.commandLine().getErr().println("warning: " + w);
            if (matchesOut != null) job.writeMatches(matchesOut);
            if (metadataOut != null) RetrievalJob.exportMetadata(store, report.stats(), metadataOut);
            if (plot != null) LongTailChart.savePng(LongTailChart.bars(report.stats(), report.kept()), perClass, plot);
            spec.commandLine().getOut().println(json ? toJson(report) : toText(report, rankNote));
            return 0;
        } catch (StoreException | IOException e) {
            if (progress != null) progress.endLine();
            spec.commandLine().getErr().println("alor retrieve: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            spec.commandLine().getErr().println("alor retrieve: interrupted");
            return 1;
        }
    }

    /** The flags as a retrieval spec; a bad value fails naming its flag. */
    private RetrievalSpec retrievalSpec() {
        RetrievalSpec.Builder b = RetrievalSpec.builder().optCorpus(corpus).optFormat(format).optPerClass(perClass)
                .optRank(!noRank);
        if (threads != null) b.optThreads(threads);
        if (minSide != null) b.optMinSide(minSide);
        if (dedup != null) b.optDedup(dedup);
        if (templates != null) b.optRankingTemplates(templates);
        if (captionColumn != null || urlColumn != null || keyColumn != null) {
            b.optColumns(new TableColumns(keyColumn, captionColumn == null ? "caption" : captionColumn, urlColumn));
        }
        return b.build();
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("alor retrieve: " + message);
        return 2;
    }

    static String toJson(RetrievalReport r) {
        JsonObject root = new JsonObject();
        JsonArray classes = new JsonArray();
        for (ClassStats s : r.stats()) {
            JsonObject c = new JsonObject();
            c.addProperty("id", s.classId());
            c.addProperty("name", s.name());
            c.addProperty("matched", s.actualFreq());
            c.addProperty("kept", r.kept().getOrDefault(s.classId(), 0));
            c.addProperty("most_common_name", s.mostCommonName());
            JsonObject syn = new JsonObject();
            s.synonymCounts().forEach(syn::addProperty);
            c.add("synonyms", syn);
            classes.add(c);
        }
        root.add("classes", classes);
        root.addProperty("captions_scanned", r.captionsScanned());
        root.addProperty("matched_records", r.matchedRecords());
        root.addProperty("added", r.added());
        root.addProperty("removed", r.removed());
        root.addProperty("ranked", r.ranked());
        JsonObject failures = new JsonObject();
        failureCounts(r).forEach(failures::addProperty);
        root.add("failures", failures);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    private static Map<String, Integer> failureCounts(RetrievalReport r) {
        Map<String, Integer> out = new TreeMap<>();
        for (ItemStatus s : r.failures().values()) out.merge(s.label(), 1, Integer::sum);
        return out;
    }

    static String toText(RetrievalReport r, String rankNote) {
        StringBuilder sb = new StringBuilder();
        int nameWidth = 4;
        for (ClassStats s : r.stats()) nameWidth = Math.max(nameWidth, Math.min(40, s.mostCommonName().length()));
        sb.append(String.format("%4s  %-" + nameWidth + "s  %8s  %6s%n", "id", "most common name", "matched", "kept"));
        for (ClassStats s : r.stats()) {
            String n = s.mostCommonName().length() > 40 ? s.mostCommonName().substring(0, 39) + "…" : s.mostCommonName();
            sb.append(String.format("%4d  %-" + nameWidth + "s  %8d  %6d%n", s.classId(), n, s.actualFreq(), r.kept().getOrDefault(s.classId(), 0)));
        }
        int total = r.kept().values().stream().mapToInt(Integer::intValue).sum();
        sb.append(String.format("%,d captions scanned, %,d matched, %,d kept (%d added, %d removed)%s",
                r.captionsScanned(), r.matchedRecords(), total, r.added(), r.removed(), r.ranked() ? ", ranked" : ", corpus order"));
        Map<String, Integer> f = failureCounts(r);
        if (!f.isEmpty()) sb.append(System.lineSeparator()).append("not obtained: ").append(f);
        if (rankNote != null) sb.append(System.lineSeparator()).append("note: ").append(rankNote);
        return sb.toString();
    }

    /** Progress line on stderr: shards, captions/s, matches, ETA (by shards). */
    static final class Progress implements ScanListener {
        private final int shards;
        private final PrintWriter out;
        private final AtomicLong captions = new AtomicLong();
        private final AtomicLong matches = new AtomicLong();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger resumed = new AtomicInteger();
        private final AtomicLong resumedCaptions = new AtomicLong();
        private final long started = System.nanoTime();
        private long lastDraw;

        Progress(int shards, PrintWriter out) {
            this.shards = shards;
            this.out = out;
        }

        @Override
        public void captionsScanned(long delta, long matchesDelta) {
            captions.addAndGet(delta);
            matches.addAndGet(matchesDelta);
            draw(false);
        }

        @Override
        public void shardDone(ShardResult result, boolean fromProgress) {
            done.incrementAndGet();
            if (fromProgress) {
                resumed.incrementAndGet();
                resumedCaptions.addAndGet(result.captions());
                matches.addAndGet(result.matches().size());
            }
            draw(false);
        }

        synchronized void draw(boolean force) {
            long now = System.nanoTime();
            if (!force && now - lastDraw < 250_000_000L) return;
            lastDraw = now;
            double s = Math.max(1e-9, (now - started) / 1e9);
            int d = done.get();
            int fresh = d - resumed.get();
            String eta = fresh > 0 && d < shards ? String.format(" ETA %ds", Math.round(s / fresh * (shards - d))) : "";
            String from = resumed.get() > 0 ? String.format(" (+%,d from %d finished shards)", resumedCaptions.get(), resumed.get()) : "";
            out.printf("\rretrieve: shards %d/%d, %,d captions (%,.0f/s)%s, %,d matches%s   ", d, shards, captions.get(),
                    captions.get() / s, from, matches.get(), eta);
            out.flush();
        }

        private int lastImagesTotal = -1;

        @Override
        public synchronized void imagesObtained(int doneImages, int total) {
            if (lastImagesTotal < 0) {
                draw(true);
                out.println();
            }
            long now = System.nanoTime();
            if (doneImages < total && now - lastDraw < 250_000_000L && lastImagesTotal >= 0) return;
            lastImagesTotal = total;
            lastDraw = now;
            out.printf("\rretrieve: images %d/%d   ", doneImages, total);
            out.flush();
        }

        /** Ends a progress line already on screen, so that an error message starts a line of its own. */
        synchronized void endLine() {
            if (lastDraw != 0) out.println();
        }

        synchronized void finish() {
            if (lastImagesTotal < 0) draw(true);
            out.println();
        }
    }
}
