package org.alor.retrieval;

import org.alor.job.CancellationToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One pass over a corpus testing every caption against all synonyms (docs/method.md §6.2): shards run on a bounded pool
 * of threads, each with its own matcher session; with a progress folder, each finished shard is recorded and a
 * re-run (after a crash or kill) scans only the remaining shards. Results are merged in shard order, so any
 * thread count and any interruption give the same result as one clean run.
 */
public final class CorpusScan {
    private static final int REPORT_EVERY = 4096;
    private final CorpusReader corpus;
    private final CaptionMatcher matcher;
    private final int threads;
    private final Path progressDir;
    private volatile CancellationToken cancelled = new CancellationToken();

    /** @param progressDir where finished shards are recorded, or null for a scan that cannot resume */
    public CorpusScan(CorpusReader corpus, CaptionMatcher matcher, int threads, Path progressDir) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        this.corpus = corpus;
        this.matcher = matcher;
        this.threads = threads;
        this.progressDir = progressDir;
    }

    public void cancel() {
        cancelled.cancel();
    }

    public ScanResult run(ScanListener listener) throws IOException, InterruptedException {
        return run(listener, cancelled);
    }

    /** Scans until done or until {@code token} is cancelled (checked between records). */
    public ScanResult run(ScanListener listener, CancellationToken token) throws IOException, InterruptedException {
        cancelled = token;
        List<String> shards = corpus.shards();
        ScanProgressStore progress = null;
        if (progressDir != null) {
            progress = new ScanProgressStore(progressDir);
            progress.begin(fingerprint(shards));
        }
        ShardResult[] results = new ShardResult[shards.size()];
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            Optional<ShardResult> done = progress == null ? Optional.empty() : progress.load(shards.get(i));
            if (done.isPresent()) {
                results[i] = done.get();
                listener.shardDone(done.get(), true);
            } else {
                todo.add(i);
            }
        }
        List<String> failed = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, todo.size())), r -> {
            Thread t = new Thread(r, "corpus-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ShardResult>> futures = new ArrayList<>();
            ScanProgressStore store = progress;
            for (int i : todo) {
                String shard = shards.get(i);
                futures.add(pool.submit(() -> {
                    if (cancelled.isCancelled() || Thread.currentThread().isInterrupted()) return null;
                    ShardResult r = scanShard(shard, listener);
                    if (r != null && store != null) store.save(r);
                    if (r != null) listener.shardDone(r, false);
                    return r;
                }));
            }
            for (int j = 0; j < todo.size(); j++) {
                try {
                    results[todo.get(j)] = futures.get(j).get();
                } catch (ExecutionException e) {
                    String shard = shards.get(todo.get(j));
                    String why = String.valueOf(e.getCause().getMessage());
                    failed.add(why.contains(shard) ? why : shard + ": shard not read (" + why + ")");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (cancelled.isCancelled()) throw new InterruptedException("scan cancelled");
        List<ShardResult> ordered = new ArrayList<>();
        for (ShardResult r : results) if (r != null) ordered.add(r);
        return new ScanResult(ordered, failed);
    }

    /** Scans one shard; null when cancelled midway (nothing is recorded then). */
    ShardResult scanShard(String shard, ScanListener listener) throws IOException {
        CaptionMatcher.Session session = matcher.newSession();
        List<CaptionMatch> matches = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long[] count = {0, 0, 0}; // captions, unreported captions, unreported matches
        corpus.scanMatching(shard, caption -> {
            if (cancelled.isCancelled()) throw new CancelledScan();
            int[] refs = session.match(caption);
            if (refs.length > 0) count[2]++;
            count[0]++;
            if (++count[1] == REPORT_EVERY) {
                listener.captionsScanned(count[1], count[2]);
                count[1] = 0;
                count[2] = 0;
            }
            return refs;
        }, (rec, refs) -> matches.add(new CaptionMatch(rec, refs)), warnings::add);
        listener.captionsScanned(count[1], count[2]);
        return new ShardResult(shard, count[0], List.copyOf(matches), List.copyOf(warnings));
    }

    private static final class CancelledScan extends RuntimeException {
        CancelledScan() {
            super("cancelled", null, false, false);
        }
    }

    /** Identifies the inputs a recorded progress is valid for. */
    String fingerprint(List<String> shards) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("alor-scan-v1\n" + corpus.getClass().getSimpleName() + "\n" + corpus.name() + "\n").getBytes(StandardCharsets.UTF_8));
            for (String s : shards) md.update((s + "\n").getBytes(StandardCharsets.UTF_8));
            for (SynonymRef r : matcher.refs()) md.update((r.classId() + "\t" + r.synonym() + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
