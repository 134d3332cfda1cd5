package org.alor.app.retrieval;

import org.alor.job.CancellationToken;
import org.alor.job.Phase;
import org.alor.job.Progress;
import org.alor.loop.Project;
import org.alor.loop.ProjectRetrieval;
import org.alor.loop.RetrievalSpec;
import org.alor.retrieval.RetrievalJob;
import org.alor.retrieval.RetrievalReport;
import org.alor.retrieval.ScanListener;
import org.alor.retrieval.ShardResult;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Retrieval from the project's corpus, ranked by its CLIP, as `alor retrieve` does it. */
public final class ProjectRetrievalRunner implements RetrievalRunner {
    @Override
    public int retrieve(Project session, Progress progress, CancellationToken token) throws Exception {
        ProjectRetrieval.Prepared prepared = ProjectRetrieval.prepare(session, RetrievalSpec.builder().build());
        if (prepared.rankingNote() != null) progress.notice(prepared.rankingNote());
        RetrievalJob job = prepared.job();
        int shards = prepared.shards();
        AtomicInteger shardsDone = new AtomicInteger();
        AtomicLong captions = new AtomicLong();
        ScanListener listener = new ScanListener() {
            @Override
            public void captionsScanned(long delta, long matchesDelta) {
                progress.phase(Phase.RETRIEVING, shardsDone.get(), shards,
                        String.format("Scanning captions: %,d", captions.addAndGet(delta)));
            }

            @Override
            public void shardDone(ShardResult result, boolean resumed) {
                int done = shardsDone.incrementAndGet();
                progress.phase(Phase.RETRIEVING, done, shards, "Scanned " + done + " / " + shards + " shards");
            }

            @Override
            public void imagesObtained(int done, int total) {
                progress.phase(Phase.RETRIEVING, done, total, "Retrieved images " + done + " / " + total);
            }
        };
        RetrievalReport report = job.run(listener, token);
        return report.kept().values().stream().mapToInt(Integer::intValue).sum();
    }
}
